### RIAL/GÉNERO: texto en español del propósito y los objetivos de la Red (documento fundacional,
### sección 2; schema/seeds/network.toml). Un mensaje por objetivo, `objective-<slug>`: el valor
### es el texto. El orden sigue el archivo TOML.

objective-purpose = Contribuir al logro de la plena igualdad de género en el mundo del trabajo.
objective-strengthen-gender-units = Fortalecer las unidades o áreas de género de los Ministerios de Trabajo de las Américas.
objective-share-best-practices = Compartir buenas prácticas, experiencias, lecciones aprendidas y evaluaciones sobre la transversalización del enfoque de género de los Ministerios de Trabajo.
objective-share-information-resources = Compartir información y recursos relevantes para mantener actualizadas a las Unidades sobre distintos temas de interés, lo que incluye publicaciones especializadas, ofertas de capacitación y avances en políticas públicas o legislación, entre otros.
objective-discuss-priority-issues = Debatir y analizar temas prioritarios y tendencias relevantes para la igualdad de género en el mundo del trabajo.
objective-peer-support-channel = Contar con un canal permanente de apoyo, consulta y comunicación entre pares.
objective-legal-frameworks = Compartir legislación y normativa, y trabajar para fortalecer los marcos jurídicos nacionales y regionales sobre la igualdad de género en el trabajo.
