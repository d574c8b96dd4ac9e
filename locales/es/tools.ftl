### RIAL/GÉNERO: texto en español de las ocho herramientas de la Red (documento fundacional,
### sección 3; schema/seeds/network.toml). Un mensaje por herramienta, `tool-<slug>`: el valor
### es el nombre, `.description` la descripción. El orden sigue el archivo TOML.

tool-portfolio-of-programs = Portafolio de Programas
    .source = 49b693d8
    .description = Banco de información que sistematiza los programas sobre equidad de género que los Ministerios de Trabajo desean compartir entre sí. Los programas deben haber mostrado resultados, contar con lecciones aprendidas e, idealmente, haber sido evaluados positivamente. El Portafolio, que incluye una base de datos y un buscador de programas, está disponible en el sitio web de la RIAL (www.rialnet.org) y tiene una sección dedicada a los programas de “Equidad de Género”; la RIAL/GÉNERO la alimenta y actualiza, cada punto focal tiene un usuario y una contraseña personales, y la Secretaría Técnica revisa y traduce los programas.
    .description-source = 6baba50d

tool-hemispheric-workshops = Talleres Hemisféricos
    .source = 4da64248
    .description = Espacios para analizar e intercambiar experiencias sobre temas específicos del trabajo de las unidades o áreas de género, por lo general presenciales y de 2 o 3 días de duración. Permiten la participación de más actores, entre ellos las organizaciones de trabajadores y de empleadores y organismos internacionales aliados. Su objetivo es identificar lecciones aprendidas y recomendaciones de política sobre el tema.
    .description-source = a8e2e9eb

tool-bilateral-cooperation = Cooperación bilateral
    .source = 007044f9
    .description = Actividades que permiten a los Ministerios brindarse y recibir asesoría técnica directa y personalizada, planificadas y desarrolladas según los intereses, las fortalezas y las necesidades de los Ministerios participantes. Se seleccionan mediante convocatorias abiertas de la RIAL a comienzos de cada año y pueden ser virtuales o presenciales.
    .description-source = bc351589

tool-virtual-dialogues = Diálogos virtuales
    .source = a6494f6f
    .description = Espacios de interacción entre los puntos focales de género con propósitos muy específicos, que permiten un intercambio ágil limitado a un propósito concreto, con una duración máxima de 4 horas; en uno de los diálogos celebrados antes de la creación de la Red, las unidades conversaron sobre su situación frente a la pandemia.
    .description-source = 00124e32

tool-communication-channel = Canal de comunicación exclusivo
    .source = f35337d1
    .description = En el 4.º Diálogo, las y los participantes prefirieron una lista de correo y un grupo de WhatsApp. La Secretaría recomienda usar la lista de correo para las comunicaciones formales y las invitaciones, y el grupo de WhatsApp para comunicaciones más informales y el intercambio rápido de información, con no más de tres personas por país; la participación en el grupo de WhatsApp es totalmente voluntaria.
    .description-source = 42bf3bea

tool-membership-database = Base de datos de miembros
    .source = 7ba799e0
    .description = Base de datos actualizada que mantiene la Secretaría, con nombres, cargos e información de contacto, a disposición de los miembros de la Red para agilizar y optimizar su comunicación.
    .description-source = e4eb21f9

tool-documentation-center = Centro de Documentación
    .source = 650b3c21
    .description = Espacio dedicado del sitio web de la RIAL para compartir publicaciones, ofertas de capacitación y otra información relevante que los miembros envían a la Secretaría. El Comité Directivo y la Secretaría definen los parámetros para la inclusión de recursos.
    .description-source = 36bb1758

tool-informative-newsletter = Boletín informativo
    .source = c665d540
    .description = Todas las actividades de la Red, las novedades relevantes del Portafolio, las noticias de las Unidades y las iniciativas publicadas en el Centro de Documentación se incluyen en el boletín quincenal de la RIAL/OEA.
    .description-source = d36b472b
