### RIAL/GÉNERO: texto en español del propósito y los objetivos de la Red (documento fundacional,
### sección 2; schema/seeds/network.toml). Un mensaje por objetivo, `objective-<slug>`: el valor
### es el texto. El orden sigue el archivo TOML.

objective-purpose = Contribuir al logro de la plena igualdad de género en el mundo del trabajo.
    .source = 3726e29f
objective-strengthen-gender-units = Fortalecer las unidades o áreas de género de los Ministerios de Trabajo de las Américas.
    .source = 7e97463a
objective-share-best-practices = Compartir buenas prácticas, experiencias, lecciones aprendidas y evaluaciones sobre la transversalización del enfoque de género de los Ministerios de Trabajo.
    .source = f0dd6f2c
objective-share-information-resources = Compartir información y recursos relevantes para mantener actualizadas a las Unidades sobre distintos temas de interés, lo que incluye publicaciones especializadas, ofertas de capacitación y avances en políticas públicas o legislación, entre otros.
    .source = bd61939f
objective-discuss-priority-issues = Debatir y analizar temas prioritarios y tendencias relevantes para la igualdad de género en el mundo del trabajo.
    .source = f0bdc07e
objective-peer-support-channel = Contar con un canal permanente de apoyo, consulta y comunicación entre pares.
    .source = 676903b1
objective-legal-frameworks = Compartir legislación y normativa, y trabajar para fortalecer los marcos jurídicos nacionales y regionales sobre la igualdad de género en el trabajo.
    .source = 7d9dbc1b
