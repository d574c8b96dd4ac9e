### Bilateral cooperations on gender selected in the RIAL calls for bilateral cooperation:
### Spanish text (schema/seeds/cooperations.toml). One message per cooperation,
### `cooperation-<slug>`: the value is the topic, `.outcome` the outcome. Order follows the TOML file.

cooperation-uy-ar-gender-violence = Prevención de la violencia y el acoso por razón de género en el lugar de trabajo
    .source = d5f4ded3
    .outcome = El Ministerio de Trabajo de Uruguay elaboró y lanzó en marzo de 2023 el “Manual para prevenir y erradicar la violencia de género en el trabajo”, que incorpora lecciones aprendidas y recomendaciones de la experiencia argentina. Especialistas del Ministerio de Trabajo de Argentina brindaron capacitación a Uruguay, así como comentarios detallados sobre los contenidos del Manual.
    .outcome-source = 75a645a7

cooperation-bo-pa-womens-cooperatives = Fortalecimiento de las cooperativas de mujeres
    .source = 255e390b
    .outcome = Durante 2022, el Ministerio de Trabajo de Panamá compartió con el Ministerio de Trabajo de Bolivia sus iniciativas de apoyo al desarrollo de cooperativas, en particular el “Eje Cambiando Vidas”. Al término del intercambio, Bolivia elaboró un “Programa de Asistencia Técnica para potenciales grupos cooperativos productivos de mujeres”.
    .outcome-source = 0cda3713

cooperation-co-uy-paid-domestic-work = Formalización del Trabajo Doméstico Remunerado
    .source = 26ed4b32
    .outcome = Resultado esperado: al término de la cooperación, el Ministerio del Trabajo de Colombia contará con una estrategia multidimensional para lograr progresivamente la formalización del trabajo doméstico, que incorpore las lecciones aprendidas de la experiencia de Uruguay.
    .outcome-source = 62b3999b
