### Areas of action of RIAL/GENDER: Spanish text of the themes (schema/seeds/themes.toml).
### One message per theme, `theme-<slug>`: the value is the name, `.description` the
### description. Order follows the TOML file (the order of the foundational document).

theme-domestic-work = Trabajo doméstico
    .source = 2da218a3
    .description = Trabajo doméstico
    .description-source = 2da218a3

theme-violence-harassment = Violencia y acoso en el mundo del trabajo
    .source = 8bef5c36
    .description = Violencia y acoso en el mundo del trabajo, incluidos la violencia y el acoso por razón de género
    .description-source = 14ab6e4f

theme-care-work = Trabajo de cuidados no remunerado y remunerado
    .source = b566ee2d
    .description = Trabajo de cuidados no remunerado y remunerado
    .description-source = b566ee2d

theme-gender-institutionalization = Institucionalización del género
    .source = a93d0758
    .description = Institucionalización del género en los Ministerios de Trabajo
    .description-source = 5ebc5e38

theme-equity-seals = Reconocimiento de empresas comprometidas con la equidad de género
    .source = 258501da
    .description = Reconocimiento de empresas comprometidas con la equidad de género (sellos o distintivos)
    .description-source = 7469b8af

theme-labor-inspection = Inspección con enfoque de género
    .source = 2399044a
    .description = Inspección con enfoque de género
    .description-source = 2399044a

theme-gender-statistics = Estadísticas para el análisis de género
    .source = 66f0808f
    .description = Recopilación de estadísticas para el análisis de género
    .description-source = ca212bc7

theme-telework = Teletrabajo
    .source = f7ea6122
    .description = Teletrabajo
    .description-source = f7ea6122

theme-womens-employability = Empleabilidad de las mujeres
    .source = d4f53f3c
    .description = Políticas públicas para aumentar la empleabilidad de las mujeres
    .description-source = 33ba42b4
