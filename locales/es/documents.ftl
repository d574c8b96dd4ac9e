### Documentation Center: Spanish text of the publications, courses, conclusions and other
### resources (schema/seeds/documents.toml). One message per document, `document-<slug>`: the
### value is the title; attributes are only given for the fields the document has (.summary,
### .body). Order follows documents.toml.

## Studies

document-study-gender-institutionalization-2009 = La institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas
    .source = c791ea73
    .summary = Estudio publicado en 2009 como resultado de los Lineamientos Estratégicos aprobados por los Ministerios de Trabajo en la XV Conferencia Interamericana de Ministros de Trabajo (2007) para transversalizar la perspectiva de género en su funcionamiento, sus políticas y sus programas. El Plan de Trabajo 2018-2020 de la CIMT encomendó su actualización.
    .summary-source = bba5e516

document-study-gender-institutionalization-update = La institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas: una actualización
    .source = 2eea13e9
    .summary = Actualización del estudio de 2009, encomendada por el Plan de Trabajo 2018-2020 de la CIMT, para evaluar los avances de los Ministerios de Trabajo en la institucionalización del género, identificar los desafíos actuales y sentar las bases para nuevas estrategias. Sus principales conclusiones y recomendaciones se presentaron y enriquecieron en el 1.er Diálogo Hemisférico (noviembre de 2020); la versión final debía incorporar los aportes del Diálogo y cambiar de nombre para incluir “Balance de una década”.
    .summary-source = 90e45df6
    .body =
        - Se consultó a los Ministerios mediante un cuestionario exhaustivo entre julio y septiembre de 2019; la primera versión del estudio se distribuyó en febrero de 2020 para recibir comentarios.
        - El estudio identificó avances importantes en los Ministerios, entre ellos un proceso de maduración de sus unidades de género: en la última década se han legitimado y consolidado institucionalmente, y su existencia y permanencia no están en discusión.
        - Hoy las unidades de género enfrentan desafíos vinculados más a lograr la institucionalización y la transversalización del enfoque de género que a la sensibilización y la capacitación interna, como avanzar en su papel rector de la política de género, cambiar la cultura organizacional y transversalizar el enfoque de género en la inspección del trabajo.
        - El estudio identificó la violencia de género como una de las áreas emergentes de atención más destacadas para los Ministerios y las unidades de género.
        - El Plan de Trabajo de la CIMT indicaba que la actualización sería financiada por el Programa del Trabajo de Canadá.
    .body-source = 6e783177

document-study-rights-remunerated-domestic-workers = Derechos de las trabajadoras remuneradas del hogar de las Américas: avances y brechas persistentes
    .source = 6b035c03
    .summary = Estudio elaborado por la Comisión Interamericana de Mujeres (CIM) junto con la Fundación Panamericana para el Desarrollo (FUPAD). Sus resultados se presentaron en el 6.º Diálogo Hemisférico (15 de marzo de 2023) y ofrecieron un importante marco orientador y una base para el debate sobre el trabajo doméstico remunerado.
    .summary-source = 0cefe89c

## Manuals and glossary

document-abc-manual-gender-units = Manual para Unidades de Género en los Ministerios de Trabajo – ABC para su creación y funcionamiento
    .source = 48d003f8
    .summary = Manual elaborado por la Secretaría Técnica de la RIAL/OEA como resultado de los primeros diálogos virtuales, para fortalecer las unidades de género existentes y apoyar la creación de otras nuevas. La idea surgió en el 1.er Diálogo Hemisférico (noviembre de 2020); se sometió un primer borrador a los comentarios de las unidades de género, y el Manual se revisó y finalizó en el 3.er Diálogo Hemisférico (30 de noviembre de 2021).
    .summary-source = 752e610f
    .body =
        Contenido:
        - Justificación de la existencia y la creación de unidades de género.
        - Modalidades de institucionalización del género.
        - Condiciones para el funcionamiento de las unidades.
        - Funciones, líneas de acción y objetivos estratégicos.
        - Un modelo de plan de acción para una unidad de género.

        Recomendaciones formuladas por las delegaciones en el 3.er Diálogo: incluir un componente de interseccionalidad; mencionar la articulación de los esfuerzos de las unidades de género con las políticas nacionales de equidad de género y con los gobiernos subnacionales y los territorios; incluir información e indicadores sobre los marcos jurídicos y los instrumentos internacionales y sobre las estructuras existentes en las unidades de género, y fortalecer el diálogo social; complementar el Manual con un glosario de términos.
    .body-source = c1a7c9a6

document-glossary-gender-terms = Glosario de términos
    .source = c8f3f304
    .summary = Glosario de términos para complementar el Manual para Unidades de Género, recomendado por las delegaciones en el 3.er Diálogo Hemisférico (noviembre de 2021). La CIM y la Secretaría de la OEA se comprometieron a elaborarlo a partir de un ejercicio ya realizado por la CIM.
    .summary-source = ffbc4d2f

document-uy-manual-gbv-at-work = Manual para prevenir y erradicar la violencia de género en el trabajo
    .source = ca4eb924
    .summary = Manual elaborado y lanzado en marzo de 2023 por el Ministerio de Trabajo y Seguridad Social de Uruguay como resultado de su cooperación bilateral con el Ministerio de Trabajo de Argentina sobre la prevención de la violencia de género. Incorpora lecciones aprendidas y recomendaciones de la experiencia argentina; especialistas del Ministerio de Trabajo de Argentina brindaron capacitación a Uruguay, así como comentarios detallados sobre sus contenidos.
    .summary-source = f4a6bb03

document-cr-labor-inspection-guide-gender = Guía de Inspección Laboral con Enfoque de Género
    .source = 3962b3f8
    .summary = Guía elaborada por el Ministerio de Trabajo y Seguridad Social de Costa Rica, en paralelo con el Catálogo de Nuevas Infracciones de Género, y presentada en el 5.º Diálogo Hemisférico (septiembre de 2022). Las visitas de inspección retroalimentan de forma permanente la Guía; las herramientas presentadas están disponibles en el sitio web del Diálogo.
    .summary-source = 4f228ce3

document-cr-didactic-manual-inspection-guide = Manual Didáctico para la aplicación de la Guía de Inspección Laboral con Enfoque de Género
    .source = 60da05d4
    .summary = Manual Didáctico para el uso de la Guía de Inspección Laboral con Enfoque de Género de Costa Rica, presentado en el 5.º Diálogo Hemisférico (septiembre de 2022) y muy valorado por las delegaciones; las herramientas presentadas están disponibles en el sitio web del Diálogo.
    .summary-source = e725c1f6

## Courses

document-course-gender-violence-at-work = Curso Virtual sobre Violencia de Género en el Trabajo
    .source = b378b5b6
    .summary = Curso virtual tutorado, diseñado y producido por la RIAL/OEA con la Comisión Interamericana de Mujeres (CIM) y alojado en el Portal Educativo de las Américas. Se lanzó en octubre de 2021 en español (primera cohorte: 50 funcionarias y funcionarios de 16 Ministerios de Trabajo de habla hispana) y en marzo de 2022 en inglés; se ha capacitado a 75 funcionarias y funcionarios de 27 Ministerios de Trabajo de las Américas.
    .summary-source = 034efe8c
    .body =
        Módulo 1. Marco conceptual de la violencia de género en el trabajo: desigualdad y discriminación por razón de género; qué es la violencia de género contra las mujeres; violencia invisible: cómo identificar la violencia de género contra las mujeres en el trabajo; impacto de la violencia y cómo abordarla en el trabajo; el costo de la violencia de género para la economía.

        Módulo 2. El papel de los Ministerios de Trabajo en la identificación, prevención, atención y sanción de la violencia de género: obligaciones de las autoridades laborales, normas nacionales e internacionales; planes de prevención; la violencia de género en el trabajo como un tema de seguridad y salud en el trabajo; la redistribución de las responsabilidades domésticas y de cuidado (vínculos con la violencia); fortalecimiento de los procedimientos y protocolos de actuación ante casos de violencia de género en el trabajo; promoción de una nueva cultura del trabajo y el papel de los sindicatos y las empresas en la prevención.

        Módulo 3. Buenas prácticas para prevenir y abordar la violencia contra las mujeres en el trabajo, y presentación de un proyecto final.

        Módulo 4. Conclusiones y evaluación: conclusiones del curso, cierre, evaluación final de las y los participantes y una encuesta para evaluar el curso.

        Formato: actividades sincrónicas y asincrónicas con el acompañamiento permanente de una tutora o un tutor. El informe de 2023 indica una duración de 10 semanas; la nota al pie de las conclusiones del 3.er Diálogo indica 50 horas de capacitación; la propuesta de 2020 preveía 8 semanas, con unas 5 horas semanales. Los contenidos de los módulos indicados arriba son los de la propuesta de 2020.
    .body-source = f21f2114

document-mooc-gender-based-analysis-plus = Introducción al Análisis Basado en Género Plus (ABG+)
    .source = bad18c5a
    .summary = Curso breve autodirigido (MOOC) al que tuvieron acceso las personas integrantes de la RIAL/GÉNERO gracias a la alianza de la Red con la Comisión Interamericana de Mujeres (CIM).
    .summary-source = 59a3dbef

document-mooc-gender-diversity-human-rights = Introducción y conceptos básicos sobre género, diversidad y derechos humanos
    .source = 2e6b03c1
    .summary = Curso breve autodirigido (MOOC) al que tuvieron acceso las personas integrantes de la RIAL/GÉNERO gracias a la alianza de la Red con la Comisión Interamericana de Mujeres (CIM).
    .summary-source = 59a3dbef

## Repository

document-repository-paid-domestic-work = Repositorio de Acciones sobre Trabajo Doméstico Remunerado
    .source = 427ecfc1
    .summary = Repositorio desarrollado por la Secretaría Técnica de la RIAL/GÉNERO en conjunto con los gobiernos de las Américas, lanzado en julio de 2023 y alojado en el sitio web de la RIAL. Da a conocer las acciones que los Ministerios de Trabajo de la región han implementado para dignificar y formalizar el trabajo doméstico remunerado y lograr en él el pleno ejercicio de los derechos, y es un resultado directo del 6.º diálogo virtual de género.
    .summary-source = c1c04800
    .body =
        El Repositorio contiene información sobre la legislación, las políticas y las estrategias implementadas, clasificada en cinco grandes áreas de intervención:
        1. Capacitación y profesionalización
        2. Difusión y sensibilización
        3. Inspección
        4. Cobertura de seguridad social
        5. Alianzas con actores sociales

        La Secretaría preparó un documento por país y consultó a cada Ministerio para validar la información antes de su publicación. Estaba previsto conectar el Repositorio con el micrositio de la CIM sobre trabajo doméstico, que ofrece herramientas y piezas de sensibilización y difusión para las personas trabajadoras, las personas empleadoras y el funcionariado público (página en inglés): https://www.oas.org/en/cim/domestic-work/pages/descargas.html
    .body-source = 69564130

## Proposal and foundational document

document-training-proposal-gender-mainstreaming-2020 = Propuesta de capacitación para la transversalización de género en los Ministerios de Trabajo (CIMT-20/GT1-GT2/doc.13/20)
    .source = 23c86451
    .summary = Propuesta presentada a la reunión de los Grupos de Trabajo 1 y 2 de la XX CIMT (10 y 15 de septiembre de 2020) para transformar en una serie de actividades virtuales el Taller RIAL/OEA sobre Transversalización de Género previsto para mayo de 2020 en Buenos Aires, cancelado a causa de la pandemia de COVID-19. Se basa en los hallazgos de la primera versión del estudio sobre la institucionalización del enfoque de género en los Ministerios de Trabajo.
    .summary-source = ea579189
    .body =
        Objetivos: socializar el Estudio sobre institucionalización del género y hacerle aportes; fortalecer los esfuerzos de transversalización e institucionalización del género en los Ministerios de Trabajo, en particular la labor de las unidades de género; desarrollar las capacidades de las y los participantes para identificar, abordar y combatir la violencia de género en el lugar de trabajo; dotar a las unidades de género de conocimientos y herramientas para asesorar a otras áreas de los Ministerios en la prevención, atención y sanción de la violencia de género, e iniciar el trabajo hacia un protocolo marco; dotar a las unidades de género de herramientas para replicar el proceso de aprendizaje-enseñanza en sus Ministerios.

        Actividades propuestas:
        1. Tres diálogos virtuales entre y para las unidades de género (costo estimado: US$6600).
        2. Un curso virtual sobre violencia de género en el trabajo, desarrollado e impartido por el Portal Educativo de las Américas con contenidos elaborados conjuntamente con la CIM: 4 módulos, 8 semanas, unas 5 horas semanales, en inglés y español, para 100 personas en 4 cohortes de 25 (costo estimado: US$39.500, incluida una contribución en especie de US$7500 del Portal Educativo de las Américas).
        3. Trabajo hacia la constitución de una red de puntos focales de género en los Ministerios de Trabajo (una persona facilitadora durante cuatro meses, US$2000).
        4. Una propuesta de Protocolo Marco para los Ministerios de Trabajo sobre la prevención, identificación, atención y sanción de la violencia de género en el trabajo (US$7000).
        5. Un curso en línea masivo y abierto (MOOC) sobre violencia de género en el trabajo, en inglés y español, abierto al público en general, de unas 20 horas (US$24.000).
    .body-source = 4092153e

document-rial-gender-foundational-document = La Red de Puntos Focales de Género en el marco de la Red Interamericana para la Administración Laboral (RIAL) – RIAL/GÉNERO
    .source = 924e17e2
    .summary = Documento fundacional de la RIAL/GÉNERO, que establece el marco para el funcionamiento de la Red. La Red se lanzó en el 4.º Diálogo Hemisférico (15 de marzo de 2022); a continuación, las unidades de género revisaron un primer borrador preparado por la Secretaría Técnica y enviaron comentarios por escrito, que este documento recoge junto con buenas prácticas de gestión y gobernanza de redes.
    .summary-source = 82b8d3c9
    .body =
        Contenido: 1) Antecedentes; 2) Objetivos; 3) Herramientas; 4) Áreas de acción; 5) Composición y funcionamiento; 6) Actividades realizadas y próximos pasos en 2022.

        - Propósito: contribuir al logro de la plena igualdad de género en el mundo del trabajo. Objetivo general: fortalecer las unidades o áreas de género de los Ministerios de Trabajo de las Américas.
        - Herramientas: Portafolio de Programas, Talleres Hemisféricos, cooperación bilateral, diálogos virtuales, un canal de comunicación propio (lista de correo y grupo de WhatsApp), base de datos de integrantes, Centro de Documentación y Boletín Informativo.
        - Áreas de acción: trabajo doméstico; violencia y acoso en el mundo del trabajo; trabajo de cuidados no remunerado y remunerado; institucionalización del género en los Ministerios de Trabajo; reconocimiento de empresas comprometidas con la equidad de género (sellos o distintivos); inspección con enfoque de género; recopilación de estadísticas para el análisis de género; teletrabajo; políticas públicas para aumentar la empleabilidad de las mujeres.
        - Secretaría Técnica: el Departamento de Desarrollo Humano, Educación y Empleo (DDHEE) de la OEA, en colaboración con la Comisión Interamericana de Mujeres (CIM).
        - Primer Comité Directivo (cargos 2021-2024): Argentina (Presidencia de la CIMT), Chile (Presidencia del GT1), Costa Rica y Trinidad y Tobago (Vicepresidencias del GT1).
        - En la 15.ª Convocatoria de Cooperación Bilateral se seleccionaron dos cooperaciones bilaterales: Bolivia y Panamá, sobre el fortalecimiento de las cooperativas de mujeres, y Uruguay y Argentina, sobre la violencia y el acoso por razón de género en el lugar de trabajo.
    .body-source = f4b74f08

document-report-rial-gender-2020-2023 = Informe de la RIAL/GÉNERO 2020-2023
    .source = bee27a2b
    .summary = Informe sobre la RIAL/GÉNERO desde los diálogos hemisféricos que le dieron origen (2020-2021) hasta su lanzamiento en el 4.º Diálogo Hemisférico (15 de marzo de 2022) y su labor hasta julio de 2023: su descripción, sus objetivos y herramientas, y sus avances y logros, con las conclusiones de los diálogos y las listas de participantes del 5.º y el 6.º Diálogo como anexos. El texto se llama a sí mismo “este informe” y no lleva título ni fecha; el título aquí es descriptivo.
    .summary-source = 0fe1c915
    .body =
        Contenido: Antecedentes; Descripción (propósito, objetivos general y específicos, las ocho herramientas); Avances y logros; anexos: los resultados y conclusiones del 1.er, 2.º, 3.er, 5.º y 6.º Diálogo Hemisférico (el documento del 7.º estaba en revisión), el documento constitutivo de la Red (Anexo 4) y las listas de participantes del 5.º y el 6.º Diálogo.

        Avances y logros:
        - Programas incorporados al Portafolio de Programas en línea del sitio web de la RIAL, en su sección “Equidad de Género”.
        - Siete Diálogos Hemisféricos virtuales (noviembre de 2020 a julio de 2023), con un promedio de 27 Ministerios de Trabajo en cada uno, y representantes de trabajadores, empleadores y organismos internacionales (OIT, CEPAL, BID, EUROsociAL).
        - La lista de puntos focales de género, actualizada y en línea en el sitio web de la RIAL.
        - Cooperaciones bilaterales con resultados concretos: Uruguay y Argentina sobre la prevención de la violencia de género; Bolivia y Panamá sobre cooperativas de mujeres; Colombia y Uruguay sobre el trabajo doméstico remunerado (en curso).
        - El Repositorio de Acciones sobre Trabajo Doméstico Remunerado, lanzado en julio de 2023 en el sitio web de la RIAL.
        - El “Manual para Unidades de Género en los Ministerios de Trabajo – ABC para su creación y funcionamiento”.
        - Acceso a dos cursos autoguiados (MOOC) de la CIM, y el Curso virtual sobre Violencia de Género en el Trabajo (lanzado en octubre de 2021 en español y en marzo de 2022 en inglés): 75 funcionarias y funcionarios de 27 Ministerios de Trabajo capacitados.
    .body-source = 3131e56c

## Agenda

document-agenda-dialogue-3 = Agenda y Guía Informativa – 3.er Diálogo Hemisférico de Género entre Ministerios de Trabajo: Hacia un Manual o “ABC” para Unidades de Género
    .source = bcf2c86e
    .summary = Agenda y guía informativa del 3.er Diálogo Hemisférico (30 de noviembre de 2021, 10:00-13:00 EST, en formato virtual por ZOOM, con interpretación simultánea en inglés y español), organizado por la Secretaría Técnica de la CIMT en la Secretaría Ejecutiva para el Desarrollo Integral (SEDI) de la OEA, en colaboración con la CIM, y financiado por el Programa del Trabajo del Ministerio de Empleo y Desarrollo Social de Canadá.
    .summary-source = ba15addd
    .body =
        Objetivo: analizar e intercambiar perspectivas sobre las funciones, los objetivos, los desafíos y las recomendaciones para el funcionamiento de las unidades de género en los Ministerios de Trabajo y, en ese contexto, revisar y definir el Manual o “ABC” para dichas unidades.

        Proyecto de agenda (30 de noviembre de 2021):
        - 10:00-10:10 Palabras de apertura
        - 10:10-11:20 Diálogo entre las unidades de género de los Ministerios de Trabajo – ¿Cómo están hoy las unidades de género?
        - 11:20-11:30 Receso
        - 11:30-12:50 Revisión y comentarios al Manual o “ABC” para Unidades de Género
        - 12:50-13:00 Palabras de clausura – SEDI y CIM

        Preguntas orientadoras: 1) A casi dos años del inicio de la pandemia, ¿la unidad o área de género de su Ministerio está más fortalecida o más debilitada, y por qué? 2) ¿Cuáles son los principales desafíos que enfrenta la unidad o área de género para lograr sus objetivos? 3) Opinión general sobre el Manual o “ABC”. 4) ¿Falta algún tema en el Manual, o alguno que deba abordarse con mayor profundidad?

        Participantes: directoras, directores y representantes de las unidades o áreas de género de los Ministerios de Trabajo; representantes de los trabajadores y de los empleadores (COSATE y CEATAL); organismos internacionales y otras partes interesadas, en calidad de observadores. La guía incluye un formulario de inscripción.
    .body-source = b45af01e

## Conclusions of the hemispheric dialogues
# The 4th Dialogue has no separate conclusions document: its result is the foundational
# document, above.

document-conclusions-dialogue-1 = Principales resultados y próximos pasos del 1.er Diálogo Hemisférico para avanzar en la institucionalización del género en los Ministerios de Trabajo
    .source = 8d700a8b
    .summary = Principales resultados y próximos pasos del 1.er Diálogo Hemisférico (virtual, 20 de noviembre de 2020), que reunió a delegaciones de 30 gobiernos de las Américas, representadas por directoras, directores y funcionariado responsable de las unidades o áreas de género de los Ministerios de Trabajo.
    .summary-source = f516c135
    .body =
        Principales resultados:
        - Constatación de la difícil situación de las mujeres en el mercado laboral, cuyos niveles de desempleo, inactividad e informalidad aumentaron a raíz de la pandemia de COVID-19, y preocupación por la profundización de las brechas de género.
        - Avances positivos en la institucionalización del género en los Ministerios y en el papel de las unidades de género en la respuesta a la crisis; los avances deben consolidarse y protegerse, y fusionar las unidades de género con áreas a cargo de otros segmentos de la población podría debilitarlas. Las unidades de género necesitan una misión y funciones claras.
        - Presentación y enriquecimiento de las conclusiones y recomendaciones del Estudio “La institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas: una actualización”.
        - Temas de interés para la cooperación y la capacitación: el trabajo doméstico y la ratificación del Convenio 189 de la OIT; los sistemas de cuidados y la corresponsabilidad; la brecha salarial, incluidos los sellos para empresas comprometidas con la equidad de género; las estrategias de formalización y la cobertura de seguridad social para el trabajo no remunerado; la violencia y el acoso en el lugar de trabajo y la ratificación del Convenio 190 de la OIT; la dimensión de género del teletrabajo; el aumento de las vulnerabilidades de las mujeres afrodescendientes, indígenas, con discapacidad y rurales.
        - Llamado a seguir apoyando a las unidades de género; se mencionó la idea de un Manual o A-B-C para Unidades de Género. Algunos Ministerios del Caribe están interesados en evaluar la creación de una unidad de género.
        - Canadá ofreció compartir su experiencia en políticas públicas y género; México y Colombia, sus prácticas sobre sellos y acreditación de buenas prácticas laborales.

        Próximos pasos: publicar la versión final del Estudio (que cambiará de nombre para incluir “Balance de una década”); cargar los programas de las unidades de género en el Portafolio de Programas de la RIAL, en la categoría “Equidad de Género”; llevar la propuesta de una red de puntos focales de género a las autoridades de la CIMT; planificar un segundo diálogo; continuar el trabajo con la CIM sobre el curso virtual sobre violencia de género en el trabajo.
    .body-source = 3bb21edf

document-conclusions-dialogue-2 = Principales conclusiones y resultados del 2.º Diálogo Hemisférico entre Unidades de Género de los Ministerios de Trabajo: “Teletrabajo y corresponsabilidad en los cuidados para una recuperación con perspectiva de género”
    .source = c038babc
    .summary = Conclusiones del 2.º Diálogo Hemisférico (virtual, 26 de mayo de 2021), que reunió a 26 Ministerios de Trabajo de las Américas, al Ministerio de Trabajo de España y, en calidad de observadores, a especialistas de la OIT, el BID y EUROsociAL, con el fin de asegurar que el teletrabajo no se convierta en otro espacio de discriminación de género.
    .summary-source = 0d55692d
    .body =
        Puntos clave:
        - El teletrabajo y la corresponsabilidad en los cuidados deben abordarse de manera simultánea y con la participación del Estado, las familias y las empresas.
        - El diálogo social debe formar parte del diseño de la política de teletrabajo; se mencionaron como práctica prometedora las cláusulas sobre conciliación de la vida laboral y personal en los convenios colectivos.
        - Se necesitan más análisis, diagnósticos y estadísticas, incluidas encuestas de uso del tiempo adaptadas a la superposición del trabajo remunerado y no remunerado.
        - Riesgos del teletrabajo para las mujeres: invisibilidad en el lugar de trabajo, menor acceso a la capacitación y ampliación de la brecha salarial, acoso y riesgos para la salud mental, discriminación indirecta y abandono del mercado laboral por parte de las mujeres.
        - Elementos de una política de teletrabajo con perspectiva de género: igualdad y no discriminación; voluntariedad y reversibilidad; flexibilidad; derecho a la desconexión; distribución de las tareas de cuidado; abordaje de las nuevas formas de acoso; sensibilización; evaluación del impacto de género; medidas para garantizar el cumplimiento, incluida la capacitación del cuerpo de inspección del trabajo.
        - Requisitos previos: servicios de cuidado disponibles, accesibles y asequibles; conectividad; capacitación en tecnología y habilidades digitales.
        - Las experiencias de Argentina y España con la legislación sobre teletrabajo con perspectiva de género sirvieron de marco para el intercambio.

        Acciones futuras: sistematizar la legislación sobre teletrabajo en el sitio web de la RIAL; presentar las recomendaciones a la CIMT; preparar el Manual o ABC para Unidades de Género; ofrecer el curso virtual sobre violencia de género en el trabajo; realizar un 3.er diálogo en noviembre de 2021.
    .body-source = 611b048d

document-conclusions-dialogue-3 = Principales conclusiones y resultados del 3.er Diálogo Hemisférico de Género entre Ministerios de Trabajo: Hacia un Manual o “ABC” para Unidades de Género
    .source = 4262e9e3
    .summary = Conclusiones del 3.er Diálogo Hemisférico (virtual, 30 de noviembre de 2021), que reunió a 24 Ministerios de Trabajo de las Américas para analizar la situación de las unidades de género a casi dos años del inicio de la pandemia y para revisar y finalizar el Manual o ABC para Unidades de Género.
    .summary-source = a34a2e92
    .body =
        Puntos clave:
        - La mayoría de las unidades de género se fortalecieron a pesar de la pandemia: en una encuesta, el 62,5% señaló que su unidad se había fortalecido, el 20,8% que seguía igual y el 16,7% que se había debilitado, en gran medida gracias a nuevos programas y proyectos.
        - Áreas de trabajo: transversalización de género en los programas de los ministerios; inclusión de las mujeres en sectores dominados por hombres; la crisis de los cuidados y el teletrabajo; capacitación para reducir las brechas de habilidades y de género; trabajo doméstico remunerado; erradicación de la violencia y el acoso por razón de género e inclusión laboral de las víctimas; apoyo a las mujeres emprendedoras y a las mipymes; sellos de buenas prácticas.
        - Prácticamente todas las delegaciones trabajan con sus mecanismos para el adelanto de las mujeres o con unidades de género de otros ministerios; los principales desafíos son la falta de presupuesto y de recursos humanos especializados.
        - Firme respaldo al Manual, con recomendaciones para añadir la interseccionalidad, la articulación con las políticas nacionales de equidad de género y con los gobiernos subnacionales, los marcos jurídicos e indicadores, y un glosario de términos.
        - El diálogo respaldó la creación de una red de puntos focales de género como red especializada de la RIAL.

        Próximos pasos: versión final del Manual en inglés y español; lanzamiento de la versión en inglés del curso virtual en marzo o abril de 2022; un glosario de términos a cargo de la CIM y la Secretaría; una propuesta sobre la red para las autoridades de la CIMT.
    .body-source = 3e431255

document-conclusions-dialogue-5 = Principales conclusiones y recomendaciones del 5.º Diálogo Hemisférico de Género entre Ministerios de Trabajo: “Hacia una inspección del trabajo con enfoque de género”
    .source = a3cc3f1b
    .summary = Conclusiones y recomendaciones del 5.º Diálogo Hemisférico (virtual, 20 de septiembre de 2022), la primera iniciativa hemisférica de la RIAL/GÉNERO tras su creación, que reunió a las unidades de género y las áreas de inspección de 28 Ministerios de Trabajo, al Ministerio de Trabajo de España en calidad de observador y a especialistas de la OIT, EUROsociAL+ y la OEA.
    .summary-source = 3a35e92f
    .body =
        Puntos clave:
        - La inspección del trabajo cumple un papel muy importante en el logro de la igualdad de género, tanto para garantizar el cumplimiento de la legislación laboral como en su calidad de herramienta de capacitación y sensibilización.
        - La transversalización de género requiere una visión sistémica; los comités de género y los enlaces de género en las distintas áreas (Chile y Panamá) son una excelente práctica.
        - Las unidades de género apoyan la inspección mediante orientaciones sobre planes e instrumentos (el Catálogo de infracciones de género y la Guía de Inspección de Costa Rica), la capacitación de inspectores e inspectoras y el acompañamiento en el trabajo con las empresas (Panamá).
        - Una inspección con enfoque de género debe abarcar la contratación, las relaciones laborales (brecha salarial, condiciones de trabajo, conciliación), la seguridad y salud en el trabajo, el acoso sexual y laboral, y las situaciones propias de cada sector.
        - Se destacaron los sellos de reconocimiento (el sello “Yo sí cumplo” de Panamá, el registro de buenas prácticas laborales innovadoras de Chile) y la capacitación preventiva para empresas con casos de acoso (Uruguay).
        - Elementos clave: una unidad de género y un enlace de género en el área de inspección; el género en los planes nacionales e institucionales; el apoyo ministerial y el presupuesto; un catálogo de infracciones de género.

        Recomendaciones: compromiso político de alto nivel; colaboración con los mecanismos nacionales para el adelanto de las mujeres; estadísticas desagregadas; capacitación continua de inspectores e inspectoras; guías y protocolos para la inspección con enfoque de género elaborados con inspectores e inspectoras; paridad de género en el cuerpo de inspección; un enfoque preventivo; más presupuesto para la inspección.
    .body-source = b94f7d72

document-conclusions-dialogue-6 = Principales conclusiones y recomendaciones del 6.º Diálogo Hemisférico de Género entre Ministerios de Trabajo: “Hacia un trabajo doméstico remunerado con derechos”
    .source = 0de11611
    .summary = Conclusiones y recomendaciones del 6.º Diálogo Hemisférico (virtual, 15 de marzo de 2023), que reunió a 27 Ministerios de Trabajo de las Américas, a representantes de los trabajadores y de los empleadores y al gobierno de España para compartir avances, lecciones aprendidas y recomendaciones de política sobre el trabajo doméstico remunerado.
    .summary-source = 2a60f256
    .body =
        Puntos clave:
        - Los resultados del estudio de la CIM y la FUPAD “Derechos de las trabajadoras remuneradas del hogar de las Américas: avances y brechas persistentes” sirvieron de marco para el debate; Uruguay y Jamaica presentaron sus experiencias.
        - Ratificación de los Convenios 189 y 190 de la OIT y armonización con ellos; el trabajo doméstico como política de Estado, con la participación de las organizaciones de trabajadoras y trabajadores domésticos y de empleadores.
        - La formalización es lenta; es difícil hacer llegar la información a las personas trabajadoras y a los empleadores, que por lo general no están organizados.
        - La inspección debe respetar la inviolabilidad del hogar; se recomendaron inspecciones rutinarias, no programadas y no vinculadas a denuncias.
        - Brecha histórica en la cobertura de la seguridad social; las políticas de cuidados deben incluir a las trabajadoras y los trabajadores domésticos y a sus familias.
        - Experiencias: cobertura de la seguridad social y aumentos salariales en Uruguay; el registro de contratos de trabajo doméstico de Perú; la obligación de México de incorporar a la seguridad social a 2.3 millones de trabajadoras y trabajadores domésticos; la inspección puerta a puerta en Uruguay; tabletas para inspectores e inspectoras en Jamaica; el real decreto-ley de 2022 de España, que cruza los datos de la inspección y de la seguridad social; recorridos barriales en Paraguay; el portal de registro de Chile; la capacitación con sindicatos y la sociedad civil en Jamaica, Chile, Guatemala y México; comisiones tripartitas en Uruguay y Paraguay.

        Recomendaciones: un enfoque interseccional; no excluir a las trabajadoras y los trabajadores domésticos de la legislación laboral; su inclusión en las políticas de cuidados; una inspección con enfoque de género e interseccionalidad; mesas interinstitucionales y diálogo social; la ampliación de la cobertura de la seguridad social, con registro obligatorio y cruce de datos; una certificación de competencias gratuita y flexible; campañas de sensibilización sobre derechos y obligaciones.

        Próximos pasos: el Centro de Documentación; el 7.º diálogo (julio de 2023); más programas en el Portafolio; la cooperación entre Colombia y Uruguay seleccionada en la 16.ª convocatoria; un Repositorio de acciones sobre trabajo doméstico conectado con el micrositio de la CIM.
    .body-source = 1708891d
