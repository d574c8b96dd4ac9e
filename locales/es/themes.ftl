### Areas of action of RIAL/GENDER: Spanish text of the themes (schema/seeds/themes.toml).
### One message per theme, `theme-<slug>`: the value is the name, `.description` the
### description. Order follows the TOML file (the order of the foundational document).

theme-domestic-work = Trabajo doméstico
    .description = Trabajo doméstico

theme-violence-harassment = Violencia y acoso en el mundo del trabajo
    .description = Violencia y acoso en el mundo del trabajo, incluidos la violencia y el acoso por razón de género

theme-care-work = Trabajo de cuidados no remunerado y remunerado
    .description = Trabajo de cuidados no remunerado y remunerado

theme-gender-institutionalization = Institucionalización del género
    .description = Institucionalización del género en los Ministerios de Trabajo

theme-equity-seals = Reconocimiento de empresas comprometidas con la equidad de género
    .description = Reconocimiento de empresas comprometidas con la equidad de género (sellos o distintivos)

theme-labor-inspection = Inspección con enfoque de género
    .description = Inspección con enfoque de género

theme-gender-statistics = Estadísticas para el análisis de género
    .description = Recopilación de estadísticas para el análisis de género

theme-telework = Teletrabajo
    .description = Teletrabajo

theme-womens-employability = Empleabilidad de las mujeres
    .description = Políticas públicas para aumentar la empleabilidad de las mujeres
