### Portfolio of Programs: Spanish text of the programs and initiatives of Ministries of Labor
### (schema/seeds/programs.toml). One message per program, `program-<slug>`: the value is the
### title; attributes are only given for the fields the program has (.summary, .objectives,
### .results, .lessons-learned, .evaluation-note). Order follows programs.toml.

## Argentina

program-choferas = Choferas
    .source = 3a164814
    .summary = Programa del Ministerio de Trabajo, Empleo y Seguridad Social de Argentina para promover la contratación de mujeres en el sector del transporte, presentado en el 3.er Diálogo Hemisférico de Género (noviembre de 2021) como una estrategia para promover la inclusión de las mujeres en sectores mayoritariamente dominados por hombres. La persona delegada del Ministerio señaló que se estaban realizando esfuerzos similares en otras industrias, como el sector marítimo.
    .summary-source = bb7edb26

program-ar-registered-women = Registradas
    .source = 99bb9520
    .summary = Programa creado por el Gobierno de Argentina para promover la formalización de las trabajadoras y los trabajadores domésticos. Como parte de este esfuerzo, el Estado subsidia una parte de sus ingresos durante un período de seis meses.
    .summary-source = 4e8057e6

program-ar-collective-bargaining-gbv-protocol = Protocolo contra la violencia de género surgido de la negociación colectiva
    .source = 7b721f2b
    .summary = Argentina informó que había elaborado el primer protocolo contra la violencia de género surgido de la negociación colectiva, como uno de los resultados concretos de la ratificación del Convenio 190 de la OIT. El protocolo ofrece herramientas fundamentales para sensibilizar a las personas negociadoras sobre la inclusión del enfoque de género en los convenios colectivos de trabajo.
    .summary-source = 35fa9cb6

program-ar-gender-responsive-telework-legislation = Legislación sobre teletrabajo con perspectiva de género y corresponsabilidad
    .source = 06a43fab
    .summary = La experiencia de Argentina en la elaboración de una legislación sobre teletrabajo con perspectiva de género y corresponsabilidad en los cuidados se presentó, junto con la de España, en el 2.º Diálogo Hemisférico (mayo de 2021) y sirvió de marco para el intercambio de experiencias entre las delegaciones.
    .summary-source = a63d0450

## Bolivia

program-bo-technical-assistance-womens-cooperatives = Programa de Asistencia Técnica para potenciales grupos cooperativos productivos de mujeres
    .source = 570e1425
    .summary = Programa elaborado por el Ministerio de Trabajo de Bolivia al término de una cooperación bilateral de la RIAL con el Ministerio de Trabajo de Panamá sobre el fortalecimiento de las cooperativas de mujeres, durante la cual Panamá compartió sus iniciativas de apoyo al desarrollo de cooperativas, en particular el “Eje Cambiando Vidas”.
    .summary-source = 3105280a

## Brazil

program-br-women-employment-working-group = Grupo de Trabajo sobre Mujeres y Empleo del Consejo Nacional del Trabajo
    .source = 1ff71018
    .summary = Grupo de trabajo creado en el marco del Consejo Nacional del Trabajo de Brasil para tratar específicamente el tema de las mujeres y el empleo. Entre las acciones de este mecanismo tripartito figuran la actualización de las estadísticas sobre la participación de las mujeres en el mercado laboral, la recopilación de buenas prácticas nacionales e internacionales y la actualización de la legislación; entre sus principales responsabilidades figura también utilizar los mecanismos tripartitos para identificar formas de abordar la crisis de los cuidados y los desafíos de la maternidad.
    .summary-source = 10e76910

## Canada

program-ca-women-in-construction-fund = Fondo para Mujeres en la Construcción
    .source = 57f8786b
    .summary = Estrategia canadiense para promover el ingreso de las mujeres al sector de la construcción. La persona delegada destacó que uno de los principales desafíos identificados es que los sectores con predominio femenino suelen percibirse como de menor valor, por lo que se está trabajando con líderes de sectores encabezados por hombres para crear entornos más favorables a la inclusión de las mujeres.
    .summary-source = ee95e416

program-ca-women-employment-readiness = Programa de Preparación de las Mujeres para el Empleo
    .source = 5c04b8f5
    .summary = Programa lanzado por el Gobierno de Canadá que incluye tanto capacitación para que las mujeres que enfrentan múltiples interseccionalidades adquieran las habilidades necesarias para el trabajo como un componente de acercamiento dirigido a los empleadores para que los lugares de trabajo sean más inclusivos.
    .summary-source = 1753a44c

program-ca-women-entrepreneurs-financing = Programas de financiamiento para mujeres emprendedoras
    .source = ac25e0e8
    .summary = Canadá informó en el 3.er Diálogo Hemisférico de Género (noviembre de 2021) que se habían fortalecido sus programas que otorgan financiamiento a mujeres emprendedoras.
    .summary-source = 72f0053f

## Chile

program-cl-ife-laboral = Subsidio IFE Laboral
    .source = 04ee574a
    .summary = Subsidio citado por el Ministerio del Trabajo y Previsión Social de Chile como ejemplo de la incorporación de una perspectiva de género transversal en sus acciones y programas. Se trata de un incentivo para que las personas trabajadoras se empleen formalmente, que les otorga directamente un beneficio mensual por la relación laboral que inician (nuevo contrato de trabajo), durante tres meses.
    .summary-source = 61c51362

program-cl-national-employment-equity-plan = Plan nacional de equidad en el empleo con un componente de cuidados
    .source = cb9f2505
    .summary = El Ministerio del Trabajo de Chile determinó que la pandemia, en su punto más alto, entre mayo y julio de 2020, provocó un aumento de más del 500% en el número de mujeres que abandonaron el mercado laboral por tener que dedicarse a las labores del hogar. Para hacer frente a esta situación, se trabaja con el Ministerio de la Mujer y la Equidad de Género y con el Ministerio de Economía, Fomento y Turismo en la elaboración de un plan nacional de equidad en el empleo, que incluirá un componente de cuidados.
    .summary-source = 7d04ba72

program-cl-national-labor-improvement-system = Sistema Nacional de Mejoramiento Laboral
    .source = e17369fa
    .summary = Sistema creado en Chile para anticipar las tendencias futuras del mundo del trabajo y evitar que la brecha de habilidades siga ampliándose. Como parte de esos esfuerzos, se creó una comisión asesora de mejoramiento laboral, en la que también participa el Ministerio de la Mujer y la Equidad de Género.
    .summary-source = a1bf3f9b

program-cl-dialogue-industry-leaders = Diálogos con líderes de la industria para ampliar la participación de las mujeres
    .source = 9034b7e5
    .summary = El Gobierno de Chile, a través del Área de Género del Ministerio del Trabajo y Previsión Social, mantiene diálogos con líderes de la industria para ampliar la participación de las mujeres, incluso en sectores mayoritariamente masculinos.
    .summary-source = 2b582936

program-cl-innovative-good-labor-practices-registry = Registro de buenas prácticas laborales innovadoras de las empresas
    .source = df0a0743
    .summary = Registro chileno mencionado en el 5.º Diálogo Hemisférico (septiembre de 2022) entre las formas exitosas de trabajar con las empresas mediante premios o sellos que reconocen las buenas prácticas en el cumplimiento de la normativa, incluido el enfoque de género.
    .summary-source = 831db0c0

program-cl-feminist-labor-inspection = Inspección del trabajo con perspectiva feminista
    .source = e2b8d356
    .summary = En el Ministerio del Trabajo de Chile, el objetivo es lograr una inspección del trabajo con perspectiva feminista que vaya más allá de la transversalización del enfoque de género y de la verificación de la realidad, y que busque activamente transformar esa realidad. La experiencia de Chile, presentada en el 5.º Diálogo Hemisférico, también se citó, junto con la de Panamá, como ejemplo de instancias o comités de género dentro del Ministerio y de enlaces o puntos focales de género en sus distintas áreas.
    .summary-source = a957dea5

## Colombia

program-co-equipares-rural = Ampliación del sello EQUIPARES a organizaciones rurales
    .source = 73d76d3a
    .summary = El Ministerio del Trabajo de Colombia informó sobre la ampliación del sello EQUIPARES a organizaciones ubicadas en zonas rurales, con el fin de reducir los efectos de la interseccionalidad en las mujeres rurales.
    .summary-source = c3bd0f78

program-co-wage-gap-measurement-tool = Mecanismo gratuito de medición de brechas salariales para mipymes
    .source = 26c6868a
    .summary = Colombia está desarrollando un mecanismo gratuito para que las micro, pequeñas y medianas empresas midan sus brechas salariales.
    .summary-source = a842fddf

program-co-womens-occupational-profiles = Estrategia para fortalecer los perfiles ocupacionales de las mujeres
    .source = 7aa4ad69
    .summary = Colombia está desarrollando una estrategia para fortalecer los perfiles ocupacionales de las mujeres y mejorar sus habilidades con el fin de aumentar su empleabilidad.
    .summary-source = ad6d0d8d

program-co-placement-women-survivors-violence = Inserción laboral de mujeres que han sufrido acoso y violencia
    .source = 46de4748
    .summary = En Colombia, una de las estrategias para reducir las brechas de género es la inserción laboral de mujeres que han sufrido acoso y violencia, o que han buscado asistencia a través de los servicios del Estado.
    .summary-source = 88c4fbe6

## Costa Rica

program-cr-gender-responsive-labor-inspection = Guía de Inspección Laboral con Enfoque de Género y Catálogo de infracciones de género
    .source = 631518f3
    .summary = Instrumentos elaborados por el Ministerio de Trabajo y Seguridad Social de Costa Rica y presentados en el 5.º Diálogo Hemisférico (septiembre de 2022): la Guía de Inspección Laboral con Enfoque de Género; el Catálogo de Nuevas Infracciones de Género, elaborado en paralelo con la Guía, y el Manual Didáctico para el uso de la Guía. Las nuevas infracciones se incorporaron al catálogo general de infracciones y al sistema de casos de inspección (SILAC), e incluyen prácticas discriminatorias en los ascensos, diferencias salariales e inseguridad física en el acceso a los servicios sanitarios, entre otras.
    .summary-source = 289959f3
    .objectives = Integrar el enfoque de género en la inspección del trabajo. Las inspecciones con enfoque de género utilizan cinco instrumentos: 1) la entrevista con la parte empleadora, 2) una solicitud de documentos, 3) una entrevista con la persona trabajadora, 4) una inspección ocular de las instalaciones y 5) una citación a la parte empleadora.
    .objectives-source = 4ff32b6e
    .lessons-learned = Los esfuerzos por incorporar el enfoque de género en la inspección del trabajo pueden comenzar con un proyecto piloto en el que se realicen visitas de inspección específicamente con ese enfoque y se capacite en la materia a un grupo de personas que luego actúen como multiplicadoras; a mediano y largo plazo, el objetivo es transversalizar el enfoque en la mayoría o en la totalidad de las visitas de inspección. Costa Rica describe un proceso de capacitación-construcción en el que las herramientas (Guía, catálogo de infracciones, Manual Didáctico) y los esfuerzos de capacitación se revisan y ajustan constantemente según los hallazgos en el terreno; las visitas de inspección retroalimentan de forma permanente los instrumentos.
    .lessons-learned-source = 52f83907

## Ecuador

program-ec-productive-credit-women-entrepreneurs = Crédito productivo para mujeres emprendedoras
    .source = deac08e2
    .summary = Ecuador ha puesto en marcha un programa que otorga crédito productivo a mujeres emprendedoras.
    .summary-source = 51f11818

program-ec-stem-skills-training-women = Capacitación en habilidades STEM para mujeres
    .source = 3262b8c8
    .summary = Capacitación en habilidades STEM para mujeres implementada por el Ministerio del Trabajo de Ecuador, presentada en el 3.er Diálogo Hemisférico de Género (noviembre de 2021) entre las iniciativas para reducir las brechas de habilidades y las brechas de género en el mercado laboral.
    .summary-source = caaa96a1

program-ec-violence-eradication = Canales de denuncia, sistema de atención integral y capacitación contra la violencia de género
    .source = 9b688765
    .summary = En Ecuador, la erradicación de la violencia es uno de los principales focos de atención de la Dirección de Atención a Grupos Prioritarios del Ministerio del Trabajo. Se destacaron la creación de canales para denunciar el abuso y el acoso sexual en el lugar de trabajo, la puesta en marcha de un sistema integral de atención de la violencia y una serie de cursos de capacitación con enfoque de género para todas las áreas que brindan atención inicial a las víctimas de violencia de género, incluidos la policía y el cuerpo de bomberos.
    .summary-source = 73ef5cc6

## Guatemala

program-gt-breastfeeding-friendly-places = Programa de lugares amigos de la lactancia materna
    .source = 8a3eb56e
    .summary = Programa de Guatemala cuya implementación seguía en curso, según se informó en el 3.er Diálogo Hemisférico de Género (noviembre de 2021), entre las acciones adoptadas para hacer frente a la crisis de los cuidados y a su incompatibilidad con el trabajo.
    .summary-source = 8a03db1a

program-gt-prosecution-service-agreement-violence-victims = Convenio de colaboración con el Ministerio Público para el empleo de mujeres víctimas de violencia
    .source = b5398e24
    .summary = El Ministerio de Trabajo de Guatemala informó que se había firmado un convenio de colaboración con el Ministerio Público para vincular a las mujeres víctimas de violencia con el Ministerio, a fin de apoyarlas en la búsqueda de empleo, ayudarlas a lograr su independencia económica y permitirles salir de los entornos en los que corren riesgo.
    .summary-source = 72a57add

## Mexico

program-mx-youth-building-the-future = Jóvenes Construyendo el Futuro
    .source = c5a5545c
    .summary = Programa de empleo juvenil de la Secretaría del Trabajo y Previsión Social de México, citado en el 3.er Diálogo Hemisférico de Género (noviembre de 2021) como ejemplo de sus esfuerzos por contribuir a la equidad de género a través de sus distintos programas.
    .summary-source = 22ea394c
    .results = El 57% de las personas beneficiarias son mujeres.
    .results-source = 7288b7a6

program-mx-good-labor-practices-stamp = Distintivo de buenas prácticas laborales
    .source = 44fcf15b
    .summary = Distintivo de buenas prácticas laborales de México, que incluye un componente de género. En el 1.er Diálogo Hemisférico (noviembre de 2020), México y Colombia manifestaron su disposición a compartir prácticas sobre sellos y acreditación de buenas prácticas laborales.
    .summary-source = 02651edb

program-mx-workplace-violence-protocol = Protocolo para prevenir y erradicar la violencia contra las mujeres en los centros de trabajo
    .source = 484e1f6a
    .summary = Protocolo que busca prevenir y erradicar la violencia contra las mujeres en todos los centros de trabajo, cuya reciente adopción informó México en el 3.er Diálogo Hemisférico de Género (noviembre de 2021).
    .summary-source = 411bef17

## Panama

program-pa-changing-lives-axis = Eje Cambiando Vidas
    .source = 3002ed3b
    .summary = Iniciativa del Ministerio de Trabajo de Panamá para apoyar el desarrollo de cooperativas, que Panamá compartió con el Ministerio de Trabajo de Bolivia durante 2022 en una cooperación bilateral de la RIAL sobre el fortalecimiento de las cooperativas de mujeres.
    .summary-source = 0c432ab5

program-pa-i-do-comply-seal = Sello “Yo sí cumplo”
    .source = b888cc43
    .summary = Sello de Panamá mencionado en el 5.º Diálogo Hemisférico (septiembre de 2022) como ejemplo exitoso de los premios o sellos otorgados a empresas que reconocen las buenas prácticas en el cumplimiento de la normativa, incluido el enfoque de género.
    .summary-source = 170b4a82

program-pa-gender-unit-enterprise-training = Capacitación de empresas por parte de la unidad de género junto con inspectores e inspectoras del trabajo
    .source = 2f0206d1
    .summary = En Panamá, la unidad de género ha capacitado directamente a empresas de la mano de inspectores e inspectoras del trabajo. La experiencia de Panamá también se citó, junto con la de Chile, en el 5.º Diálogo Hemisférico como ejemplo de instancias o comités de género dentro del Ministerio y de enlaces o puntos focales de género en sus distintas áreas.
    .summary-source = 9d593de8

## Paraguay

program-py-gender-equity-seal-public-sector = Sello de Equidad de Género en el sector público
    .source = c50f4fe5
    .summary = Paraguay continúa implementando el Sello de Equidad de Género en el sector público, según se informó en el 3.er Diálogo Hemisférico de Género (noviembre de 2021).
    .summary-source = 662fba6f

program-py-equal-employment-strategy = Estrategia Empleo Igualitario
    .source = 907c4c51
    .summary = La estrategia Empleo Igualitario de Paraguay tiene como objetivo reducir las brechas de género en el mercado laboral e incluye un componente de cuidados. También se mencionó la elaboración de un Proyecto de Ley de Cuidados que se presentará al Congreso.
    .summary-source = 83e8cfec

program-py-domestic-work-working-group = Mesa de trabajo sobre trabajo doméstico
    .source = 343ae6f0
    .summary = El Ministerio de Trabajo, Empleo y Seguridad Social de Paraguay informó que se había conformado una mesa de trabajo sobre trabajo doméstico para promover la formalización y el cumplimiento de los derechos.
    .summary-source = 6d8a038b

program-py-digital-workplace-violence-centers = Digitalización de los centros de atención y prevención de la violencia laboral
    .source = df002e02
    .summary = Paraguay informó sobre los buenos resultados de la digitalización de sus centros de atención y prevención de la violencia laboral.
    .summary-source = 65d48b3a
    .results = Los centros digitales han atendido a 63.000 víctimas, frente a un rango de entre 10.000 y 15.000 en la modalidad presencial.
    .results-source = ba27083f

## Peru

program-pe-work-without-harassment = Trabaja sin Acoso
    .source = 78d6a4cc
    .summary = Programa que Perú estaba desarrollando, según se informó en el 3.er Diálogo Hemisférico de Género (noviembre de 2021), y que da seguimiento a las víctimas de acoso en el lugar de trabajo, incluido el acoso sexual.
    .summary-source = 70065dda

program-pe-work-family-reconciliation-guide = Guía de buenas prácticas para la conciliación de la vida familiar y personal
    .source = aedffe72
    .summary = La delegada de Perú señaló que una de las tareas pendientes del país era actualizar la guía de buenas prácticas para la conciliación de la vida familiar y personal, a fin de tener en cuenta las nuevas circunstancias. En relación con el mismo tema, se refirió a la normativa sobre trabajo remoto, que contempla el derecho a la desconexión.
    .summary-source = 3264c962

## Uruguay

program-uy-gbv-at-work-manual = Manual para prevenir y erradicar la violencia de género en el trabajo
    .source = ca4eb924
    .summary = Manual elaborado y lanzado en marzo de 2023 por el Ministerio de Trabajo y Seguridad Social de Uruguay como resultado de su cooperación bilateral de la RIAL con el Ministerio de Trabajo de Argentina sobre la prevención de la violencia de género. Incorpora lecciones aprendidas y recomendaciones de la experiencia argentina; especialistas del Ministerio de Trabajo de Argentina brindaron capacitación a Uruguay, así como comentarios detallados sobre los contenidos del Manual.
    .summary-source = aeb90715

program-uy-domestic-work-unemployment-benefits = Ampliación de las prestaciones por desempleo con foco en el trabajo doméstico
    .source = 57fedc72
    .summary = El Ministerio de Trabajo y Seguridad Social de Uruguay amplió sus prestaciones por desempleo, con especial atención a sectores como el trabajo doméstico, que se encuentra entre los más afectados (según se informó en el 3.er Diálogo Hemisférico de Género, noviembre de 2021).
    .summary-source = 4ba09c4c

program-uy-inefop-women-training = Capacitación de mujeres para la empleabilidad a través del INEFOP
    .source = a3e56da8
    .summary = En Uruguay, a través del INEFOP, se ha prestado especial atención a la capacitación de las mujeres para mejorar su empleabilidad.
    .summary-source = d5752f3c

program-uy-leave-women-victims-violence = Licencia de diez días para mujeres víctimas de violencia
    .source = 1f9fc614
    .summary = La delegación de Uruguay informó que, tras el femicidio de una trabajadora del Ministerio, se iniciaron acciones de activismo que condujeron a la aprobación de una licencia de 10 días para las mujeres víctimas de violencia, una situación que se replicará en otros ministerios.
    .summary-source = 946b0a94

program-uy-harassment-training-for-companies = Capacitación obligatoria sobre acoso para empresas con casos de acoso
    .source = f5143aa2
    .summary = En Uruguay, las empresas que han tenido casos de acoso deben realizar cursos de capacitación sobre el tema, con miras a la no repetición. La experiencia se destacó en el 5.º Diálogo Hemisférico (septiembre de 2022) como ejemplo de un trabajo con las empresas que busca no solo sancionar, sino también prevenir conductas y prácticas contrarias a la igualdad.
    .summary-source = e197b4a4
