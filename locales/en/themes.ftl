### Areas of action of RIAL/GENDER: English text of the themes (schema/seeds/themes.toml).
### One message per theme, `theme-<slug>`: the value is the name, `.description` the
### description. Order follows the TOML file (the order of the foundational document).

theme-domestic-work = Domestic work
    .description = Domestic work

theme-violence-harassment = Violence and harassment in the world of work
    .description = Violence and harassment in the world of work, including gender-based violence and harassment

theme-care-work = Unpaid and paid care work
    .description = Unpaid and paid care work

theme-gender-institutionalization = Institutionalization of gender
    .description = Institutionalization of gender in the Ministries of Labor

theme-equity-seals = Recognition of enterprises committed to gender equity
    .description = Recognition of enterprises committed to gender equity (seals or badges)

theme-labor-inspection = Inspection with a gender approach
    .description = Inspection with a gender approach

theme-gender-statistics = Statistics for gender analysis
    .description = Collection of statistics for gender analysis

theme-telework = Telework
    .description = Telework

theme-womens-employability = Employability of women
    .description = Public policies to increase the employability of women
