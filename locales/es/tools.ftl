### RIAL/GÉNERO: texto en español de las ocho herramientas de la Red (documento fundacional,
### sección 3; schema/seeds/network.toml). Un mensaje por herramienta, `tool-<slug>`: el valor
### es el nombre, `.description` la descripción. El orden sigue el archivo TOML.

tool-portfolio-of-programs = Portafolio de Programas
    .description = Banco de información que sistematiza los programas sobre equidad de género que los Ministerios de Trabajo desean compartir entre sí. Los programas deben haber mostrado resultados, contar con lecciones aprendidas e, idealmente, haber sido evaluados positivamente. El Portafolio, que incluye una base de datos y un buscador de programas, está disponible en el sitio web de la RIAL (www.rialnet.org) y tiene una sección dedicada a los programas de “Equidad de Género”; la RIAL/GÉNERO la alimenta y actualiza, cada punto focal tiene un usuario y una contraseña personales, y la Secretaría Técnica revisa y traduce los programas.

tool-hemispheric-workshops = Talleres Hemisféricos
    .description = Espacios para analizar e intercambiar experiencias sobre temas específicos del trabajo de las unidades o áreas de género, por lo general presenciales y de 2 o 3 días de duración. Permiten la participación de más actores, entre ellos las organizaciones de trabajadores y de empleadores y organismos internacionales aliados. Su objetivo es identificar lecciones aprendidas y recomendaciones de política sobre el tema.

tool-bilateral-cooperation = Cooperación bilateral
    .description = Actividades que permiten a los Ministerios brindarse y recibir asesoría técnica directa y personalizada, planificadas y desarrolladas según los intereses, las fortalezas y las necesidades de los Ministerios participantes. Se seleccionan mediante convocatorias abiertas de la RIAL a comienzos de cada año y pueden ser virtuales o presenciales.

tool-virtual-dialogues = Diálogos virtuales
    .description = Espacios de interacción entre los puntos focales de género con propósitos muy específicos, que permiten un intercambio ágil limitado a un propósito concreto, con una duración máxima de 4 horas; en uno de los diálogos celebrados antes de la creación de la Red, las unidades conversaron sobre su situación frente a la pandemia.

tool-communication-channel = Canal de comunicación exclusivo
    .description = En el 4.º Diálogo, las y los participantes prefirieron una lista de correo y un grupo de WhatsApp. La Secretaría recomienda usar la lista de correo para las comunicaciones formales y las invitaciones, y el grupo de WhatsApp para comunicaciones más informales y el intercambio rápido de información, con no más de tres personas por país; la participación en el grupo de WhatsApp es totalmente voluntaria.

tool-membership-database = Base de datos de miembros
    .description = Base de datos actualizada que mantiene la Secretaría, con nombres, cargos e información de contacto, a disposición de los miembros de la Red para agilizar y optimizar su comunicación.

tool-documentation-center = Centro de Documentación
    .description = Espacio dedicado del sitio web de la RIAL para compartir publicaciones, ofertas de capacitación y otra información relevante que los miembros envían a la Secretaría. El Comité Directivo y la Secretaría definen los parámetros para la inclusión de recursos.

tool-informative-newsletter = Boletín informativo
    .description = Todas las actividades de la Red, las novedades relevantes del Portafolio, las noticias de las Unidades y las iniciativas publicadas en el Centro de Documentación se incluyen en el boletín quincenal de la RIAL/OEA.
