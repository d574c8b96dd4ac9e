### Diálogos Hemisféricos de Género entre Ministerios de Trabajo (2020-2023): Spanish text of the
### dialogues (schema/seeds/dialogues.toml). One message per dialogue, `dialogue-<number>`: the
### value is the title; attributes are only given for the fields the dialogue has (.summary,
### .conclusions, .recommendations, .next-steps). Order follows dialogues.toml.

dialogue-1 = 1.er Diálogo Hemisférico para avanzar en la institucionalización del género en los Ministerios de Trabajo
    .source = d5b071de
    .summary = Primer diálogo hemisférico entre las unidades o áreas de género de los Ministerios de Trabajo de las Américas, impulsado por la OEA a través de la RIAL con el apoyo de la Comisión Interamericana de Mujeres (CIM). Reunió a delegaciones de 30 gobiernos de las Américas, representadas por directoras, directores, funcionarias y funcionarios responsables de las unidades o áreas de género de los Ministerios de Trabajo; algunas delegaciones estuvieron acompañadas por las Misiones Permanentes de sus países ante la OEA. Las delegaciones examinaron la situación de las mujeres en el mercado laboral durante la pandemia de COVID-19 y el papel de las unidades de género en la respuesta a la crisis, y debatieron las conclusiones y recomendaciones del “Estudio sobre la institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas: una actualización”.
    .summary-source = 0a24e321
    .conclusions =
        - Todas las delegaciones constataron la difícil situación de las mujeres en el mercado laboral, cuyos niveles de desempleo, inactividad e informalidad aumentaron como consecuencia de la pandemia de COVID-19, y compartieron su preocupación por la profundización de las brechas de género en toda la región.
        - Se constataron avances positivos tanto en la institucionalización del género en los Ministerios de Trabajo como en el papel de las unidades o áreas de género en la respuesta a la crisis de la COVID-19. Estos avances deben consolidarse y protegerse; fusionar las unidades de género con áreas a cargo de otros segmentos de la población (entre ellos, las poblaciones vulnerables) podría debilitarlas. Las unidades de género necesitan una misión y unas funciones claras.
        - Se presentaron y enriquecieron las principales conclusiones y recomendaciones del “Estudio sobre la institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas: una actualización”.
        - Las delegaciones afirmaron su interés y su disposición para fortalecer la cooperación entre las unidades o áreas de género.
        - Temas de gran interés para continuar la cooperación y la capacitación:
          - El trabajo doméstico y la ratificación del Convenio 189 de la OIT.
          - Los sistemas de cuidados y la corresponsabilidad, en el sentido amplio de Estado, familia y sociedad civil, y no solo como el reparto de las tareas de cuidado.
          - La brecha salarial, que puede abordarse, entre otras formas, mediante sellos y distintivos para las empresas comprometidas con la equidad de género.
          - Las estrategias de formalización; el reconocimiento del trabajo no remunerado y el aumento de su cobertura de seguridad social.
          - La violencia y el acoso en el lugar de trabajo, y la necesidad de ratificar el Convenio 190 de la OIT.
          - La dimensión de género del teletrabajo y del trabajo desde el hogar.
          - El aumento de las vulnerabilidades y de la discriminación a causa de la COVID-19 que enfrentan ciertas mujeres, entre ellas las mujeres afrodescendientes, las mujeres indígenas, las mujeres con discapacidad y las mujeres de zonas rurales.
        - Llamado a seguir apoyando el fortalecimiento institucional de las unidades o áreas de género; se mencionó la idea de un Manual o ABC de las Unidades de Género que especifique sus objetivos generales y sus funciones.
        - Los Ministerios de Trabajo del Caribe cuentan en general con puntos focales de género que reciben instrucciones de los mecanismos nacionales para el adelanto de las mujeres; algunos están interesados en evaluar la creación de una unidad de género, para lo cual requerirían apoyo técnico.
        - Se presentaron programas e iniciativas dirigidos a las mujeres en general o a grupos específicos (por ejemplo, las trabajadoras y los trabajadores domésticos), así como avances recientes en la transversalización del enfoque de género. Canadá ofreció compartir su experiencia en materia de política pública y género; México y Colombia ofrecieron compartir prácticas sobre sellos y acreditación de buenas prácticas laborales.
    .conclusions-source = fca76a58
    .next-steps =
        - Preparar y publicar la versión final del Estudio “Institucionalización del enfoque de género en los Ministerios de Trabajo de las Américas: una actualización”, que incluya los aportes del Diálogo; el Estudio cambiará de nombre para incluir “Balance de una década”.
        - Cargar las iniciativas y los programas de las unidades o áreas de género en el Portafolio de Programas de la RIAL (www.rialnet.org), en el tema “Equidad de Género”; la Secretaría enviará instrucciones a cada delegación.
        - La Secretaría propuso la creación de una red de puntos focales de género de los Ministerios de Trabajo como subred especializada de la RIAL, propuesta que recibió un apoyo general; la Secretaría compartirá la idea con las autoridades de la CIMT, explorará fuentes de financiamiento e iniciará algunas acciones.
        - Planificar un segundo diálogo hemisférico para febrero o marzo de 2021, centrado en un tema que se decidirá con las unidades o áreas de género.
        - La Secretaría y la CIM seguirán trabajando en el curso virtual sobre Violencia de Género en el Trabajo, alojado en el Portal Educativo de las Américas, que estará disponible durante el primer semestre de 2021.
    .next-steps-source = daae2875

dialogue-2 = 2.º Diálogo Hemisférico entre Unidades de Género de Ministerios de Trabajo: “Teletrabajo y corresponsabilidad en los cuidados para una recuperación con perspectiva de género”
    .source = e5a4d79e
    .summary = Organizado conjuntamente por la Secretaría Ejecutiva para el Desarrollo Integral de la OEA y la Comisión Interamericana de Mujeres (CIM), con recursos del Gobierno de Canadá para la RIAL, el diálogo reunió a representantes de 26 Ministerios de Trabajo de las Américas y del Ministerio de Trabajo de España, así como, en calidad de observadores, a especialistas de la Organización Internacional del Trabajo, del Banco Interamericano de Desarrollo y de EUROsociAL. Dado que muchos países regularon el teletrabajo durante la pandemia de COVID-19, su objetivo fue buscar puntos en común para que el teletrabajo no se convierta en un espacio más de discriminación de género, sino que impulse cambios positivos en las relaciones de género, en el lugar de trabajo y en el hogar. Las experiencias de Argentina y España, que han elaborado legislación sobre teletrabajo con perspectiva de género y corresponsabilidad, sirvieron de marco para el intercambio.
    .summary-source = 0fcd6ea8
    .conclusions =
        - El teletrabajo y la corresponsabilidad en los cuidados deben abordarse de manera simultánea: el teletrabajo ofrece la oportunidad de conciliar el trabajo y las responsabilidades personales, pero esa conciliación parte de una distribución desigual del trabajo en el hogar. La regulación del teletrabajo debe contemplar la corresponsabilidad en los cuidados, incluida la inversión en infraestructura y servicios de cuidados, con acciones del Estado, las familias y las empresas.
        - La igualdad de género en el teletrabajo debe abordarse en un marco más amplio de igualdad de oportunidades, ya que está mediada por factores culturales, políticos y sociales que van más allá del lugar de trabajo.
        - El diálogo social entre el gobierno, los trabajadores y los empleadores debe formar parte del diseño de la política de teletrabajo y de la promoción de la corresponsabilidad, lo que otorga a las políticas mayor legitimidad, sostenibilidad e impacto; se mencionaron como práctica prometedora las cláusulas sobre la conciliación de la vida laboral y personal en los convenios colectivos.
        - Se necesitan más análisis, diagnósticos y estadísticas para contar con políticas de teletrabajo basadas en evidencia. Las encuestas deben captar cómo se distribuyen las tareas del hogar y el tiempo que mujeres y hombres dedican a ellas; los métodos de las encuestas de uso del tiempo deben adaptarse al trabajo remunerado y no remunerado que se realiza simultáneamente en el hogar.
        - Además de las brechas entre hombres y mujeres, existen brechas entre mujeres de distintas profesiones en cuanto a la posibilidad de teletrabajar, vinculadas a la segregación vertical y horizontal del mercado laboral.
        - Se necesita un cambio cultural para no perpetuar los roles y estereotipos de género sobre los cuidados; la legislación y las políticas de teletrabajo pueden incidir en él de manera positiva o negativa, y la capacitación en sensibilidad de género para trabajadores y empleadores cumple un papel en ello.
        - La violencia de género fue una preocupación destacada, dado su aumento durante el confinamiento y las nuevas formas derivadas del teletrabajo, como el acoso en línea o las exigencias laborales excesivas.
        - Riesgos del teletrabajo identificados para las mujeres: volverse “invisibles” en el lugar de trabajo y quedar ausentes de los espacios de toma de decisiones, con efectos en su desarrollo profesional; un menor acceso a la formación profesional y una posible ampliación de la brecha salarial; riesgos para la salud como el acoso, la violencia y los problemas de salud mental relacionados con el estrés; que el teletrabajo se convierta en una herramienta de discriminación indirecta, y que las mujeres dejen sus empleos y pasen a la inactividad al no poder conciliar el trabajo remunerado y el no remunerado.
        - Hubo un amplio consenso en que la regulación del teletrabajo y su implementación no deben conducir a un retroceso en la distribución de las responsabilidades familiares ni en la situación y la participación de las mujeres en el mercado laboral.
    .conclusions-source = 6517556e
    .recommendations =
        Elementos que debe contener una política de teletrabajo con perspectiva de género:
        - Igualdad y no discriminación: los mismos derechos para las personas que trabajan a distancia y de forma presencial en materia de jornada laboral, remuneración, desarrollo profesional y acceso a la capacitación.
        - Voluntariedad y reversibilidad: la persona trabajadora decide libremente si pasa al teletrabajo y si lo deja, y cuándo hacerlo.
        - Flexibilidad de la jornada laboral para quienes cuidan a personas que requieren asistencia específica.
        - Derecho a la desconexión, dada la tendencia a trabajar más horas sin horarios establecidos.
        - Mención explícita de la distribución de las tareas de cuidado, promoviendo la participación corresponsable de los hombres.
        - Prevención y atención de las nuevas formas de acoso sexual y laboral, como el acoso en línea.
        - Un componente de sensibilización sobre corresponsabilidad y cambio cultural dirigido a las personas supervisoras y supervisadas.
        - Evaluación de impacto con perspectiva de género.
        - Medidas para garantizar el cumplimiento, incluidas la sensibilización y la capacitación de la inspección del trabajo para fiscalizar esta modalidad de trabajo.
        Condiciones o requisitos previos para que el teletrabajo promueva la igualdad de género:
        - Servicios de cuidado para niñas, niños y personas dependientes que estén disponibles y sean accesibles y asequibles.
        - Igualdad de condiciones de conectividad, mitigando la brecha de conectividad que afecta principalmente a las mujeres, en particular a las mujeres rurales.
        - Capacitación en nuevas tecnologías y habilidades digitales, ámbitos en los que las mujeres están actualmente rezagadas.
        Otras recomendaciones:
        - Capacitación y sensibilización sobre la igualdad en el trabajo para todos los sectores de la sociedad, a fin de promover un cambio cultural hacia la corresponsabilidad en los cuidados.
        - Lineamientos sobre salud ocupacional y aspectos psicosociales en el teletrabajo.
        - Acciones de prevención, atención y sanción de la violencia de género, incluidas las nuevas formas derivadas del teletrabajo.
    .recommendations-source = b1cfdbfc
    .next-steps =
        - Continuar la sistematización y el intercambio sobre teletrabajo a través de la RIAL/OEA: un espacio en el sitio web de la RIAL para la legislación y la normativa sobre teletrabajo, y la continuidad del intercambio y la cooperación entre Ministerios, por ejemplo mediante la convocatoria anual de cooperación bilateral.
        - Presentar las recomendaciones del diálogo a las Ministras y los Ministros de Trabajo de la CIMT, para orientar las acciones nacionales y regionales sobre políticas de teletrabajo con perspectiva de género.
        - Elaborar un Manual o ABC para las Unidades de Género, según lo recomendado en el Primer Diálogo, con la justificación, objetivos modelo, funciones y actividades generales de las unidades de género y un plan de trabajo modelo; en julio se enviará una versión preliminar a las unidades de género para su consulta.
        - Curso virtual sobre violencia de género en el trabajo, desarrollado con la CIM y el Portal Educativo de las Américas, disponible para el personal de los Ministerios en el segundo semestre de 2021, tras una fase piloto.
        - Tercer Diálogo Hemisférico entre unidades de género en noviembre de 2021, cuyo tema se definirá en consulta con las unidades de género.
    .next-steps-source = 497451e0

dialogue-3 = 3.er Diálogo Hemisférico de Género entre Ministerios de Trabajo: Hacia un Manual o “ABC” para Unidades de Género
    .source = e507934d
    .summary = Organizado conjuntamente por la Secretaría Ejecutiva para el Desarrollo Integral de la OEA y la Comisión Interamericana de Mujeres (CIM), con financiamiento del Gobierno de Canadá para la RIAL, el diálogo reunió a representantes de 24 Ministerios de Trabajo de las Américas. Su primera parte consistió en una conversación abierta sobre la situación de las unidades de género a casi dos años del inicio de la pandemia: si se habían fortalecido o debilitado, sus principales desafíos y sus iniciativas en curso. En la segunda parte, las delegaciones revisaron y comentaron el Manual o “ABC” para Unidades de Género elaborado por la Secretaría Técnica de la RIAL/OEA, y resurgió y se respaldó la idea de una Red de Puntos Focales de Género en el marco de la RIAL.
    .summary-source = 2343f690
    .conclusions =
        - En la mayoría de los casos, las unidades, áreas, puntos focales o mecanismos de género de los Ministerios de Trabajo se fortalecieron a pesar de la pandemia: en una encuesta, el 62,5% de las personas encuestadas indicó que su unidad se había fortalecido, el 20,8% que se había mantenido igual y el 16,7% que se había debilitado. El fortalecimiento se debió en gran medida a nuevos programas y proyectos para atender la difícil situación de las mujeres durante la pandemia.
        - Las unidades de género siguen transversalizando el enfoque de género en los programas de sus ministerios para apoyar la recuperación del empleo de las mujeres; por ejemplo, un grupo de trabajo tripartito sobre mujeres y empleo en el Consejo Nacional del Trabajo de Brasil; el creciente papel de la Unidad de Género del Ministerio del Trabajo y Previsión Social de Chile (por ejemplo, el Subsidio IFE Laboral); el programa “Jóvenes Construyendo el Futuro” de México, cuyas personas beneficiarias son mujeres en un 57%.
        - Algunas delegaciones promueven la inclusión de las mujeres en sectores con predominio masculino: el programa Choferas de Argentina en el sector del transporte, el Fondo para Mujeres en la Construcción de Canadá y los diálogos de Chile con líderes de la industria.
        - La crisis de los cuidados y su incompatibilidad con el trabajo siguen siendo un gran desafío: el grupo de trabajo sobre mujeres y empleo de Brasil; en Chile, un plan nacional de equidad en el empleo con un componente de cuidados, después de que la pandemia aumentara en más de un 500% el número de mujeres que abandonaron el mercado laboral para dedicarse a las labores del hogar; el programa de lugares amigos de la lactancia materna de Guatemala; la estrategia Empleo Igualitario y el Proyecto de Ley de Cuidados de Paraguay; la actualización por parte de Perú de su guía sobre la conciliación de la vida familiar y personal, y su normativa sobre trabajo remoto, que contempla el derecho a la desconexión.
        - Formación y desarrollo de capacidades de las mujeres para reducir las brechas de habilidades y de género: la estrategia de Colombia para fortalecer los perfiles ocupacionales de las mujeres; el Programa de Preparación de las Mujeres para el Empleo de Canadá; el Sistema Nacional de Mejoramiento Laboral de Chile; la capacitación en habilidades STEM para mujeres en Ecuador; la capacitación a través del INEFOP en Uruguay.
        - Trabajo doméstico remunerado: el programa “Registradas” de Argentina, que subsidia durante seis meses una parte de los ingresos de las trabajadoras y los trabajadores domésticos para promover la formalización; una mesa de trabajo sobre trabajo doméstico en Paraguay; la ampliación de las prestaciones por desempleo de Uruguay, con foco en sectores como el trabajo doméstico.
        - Erradicación de la violencia y el acoso por razón de género en el trabajo y apoyo a la inclusión laboral de las víctimas: el primer protocolo de Argentina contra la violencia de género surgido de la negociación colectiva, tras la ratificación del Convenio 190 de la OIT; la inserción laboral de mujeres víctimas en Colombia; el convenio de Guatemala con el Ministerio Público; los canales de denuncia y la capacitación en Ecuador; el protocolo de México para todos los centros de trabajo; los centros digitalizados de atención y prevención de la violencia laboral de Paraguay (63.000 víctimas atendidas); el programa Trabaja sin Acoso de Perú; la licencia de 10 días para las mujeres víctimas de violencia en el ministerio de Uruguay.
        - Apoyo a las mujeres emprendedoras y a la equidad de género en las micro, pequeñas y medianas empresas (Canadá, el mecanismo gratuito de medición de brechas salariales de Colombia, el crédito productivo de Ecuador).
        - Sellos de buenas prácticas: el sello EQUIPARES de Colombia, ampliado a organizaciones rurales; el distintivo de buenas prácticas laborales de México, con un componente de género; el Sello de Equidad de Género en el sector público de Paraguay.
        - Prácticamente todas las delegaciones trabajan con sus mecanismos para el adelanto de las mujeres o con las unidades de género de otros ministerios; se necesita un enfoque intersectorial.
        - Los principales desafíos de las unidades de género son la falta de asignaciones presupuestarias y de recursos humanos especializados.
    .conclusions-source = a520c15f
    .recommendations =
        - Firme apoyo al Manual para Unidades de Género, reconocido como una herramienta importante para crear y fortalecer las unidades de género. Recomendaciones concretas para el Manual:
          - Incluir un componente de interseccionalidad, reconociendo que muchas mujeres son más vulnerables por su raza, su orientación sexual o su ubicación geográfica, entre otros factores.
          - Mencionar la articulación de los esfuerzos de las unidades de género con las políticas nacionales de equidad de género, así como la transversalización con los gobiernos subnacionales y en los territorios.
          - Incluir información e indicadores sobre los marcos jurídicos y los instrumentos internacionales y sobre las estructuras existentes de las unidades de género, y fortalecer el diálogo social.
        - Elaborar un glosario de términos que complemente el Manual.
        - Establecer la Red de Puntos Focales de Género como red especializada de la RIAL, propuesta respaldada con un firme apoyo. Actividades propuestas para la Red en una encuesta: estudios sobre temas específicos, intercambios bilaterales, cursos virtuales o capacitaciones, diálogos hemisféricos, repositorios de buenas prácticas, grupos de intercambio informal y boletines de noticias especializados.
    .recommendations-source = 84cc02fd
    .next-steps =
        - La Secretaría Técnica difundirá las conclusiones y servirá de enlace entre las unidades de género que busquen información sobre prácticas o políticas de otros países.
        - La Secretaría de la OEA elaborará la versión final del Manual para Unidades de Género, en inglés y en español, con los aportes escritos y las recomendaciones del Diálogo.
        - La versión en inglés del Curso Virtual sobre Violencia de Género en el Trabajo se lanzará en marzo o abril de 2022 (en su primera cohorte en español participaron funcionarias y funcionarios de 16 países); se explorarán recursos para más cohortes.
        - La CIM y la Secretaría de la OEA prepararán un Glosario de términos que complemente el Manual, a partir de un ejercicio ya realizado por la CIM.
        - La Secretaría trabajará en una propuesta para crear la red especializada de puntos focales y la presentará a las autoridades de la CIMT.
    .next-steps-source = 84cd50c7

dialogue-4 = 4.º Diálogo Hemisférico de Género entre Ministerios de Trabajo
    .source = 4c27f7eb
    .summary = En este diálogo se lanzó formalmente la RIAL/GÉNERO, la Red de Puntos Focales de Género en los Ministerios de Trabajo, como comunidad de práctica especializada de la RIAL, tras el interés manifestado en el 3.er Diálogo y la inclusión de la red en el Plan de Trabajo 2022-2024 de la CIMT. Las unidades de género debatieron los objetivos y las principales líneas de acción de la red bajo la premisa de construir colectivamente sus bases. Después del diálogo, revisaron un primer borrador del documento fundacional de la Red y enviaron comentarios por escrito a la Secretaría Técnica. El documento fundacional (constitutivo) de la Red resultante, incluido como Anexo 4 del informe de la RIAL/GÉNERO 2020-2023, es fruto de este ejercicio.
    .summary-source = 1cf8340d
    .conclusions =
        - Se lanzó formalmente la RIAL/GÉNERO, con el propósito de contribuir a la plena igualdad de género en el mundo del trabajo y con el objetivo general de fortalecer las unidades o áreas de género de los Ministerios de Trabajo de las Américas.
        - Para el canal de comunicación propio de la Red, las y los participantes expresaron su preferencia por una lista de correo y un grupo de WhatsApp.
        - Según los acuerdos alcanzados durante el diálogo, los miembros de la Red se reunirán al menos cada 6 meses, además de realizar otras actividades que determine el Comité Directivo.
        - El documento fundacional que se elaboró a continuación establece los objetivos de la Red, sus ocho herramientas, sus nueve áreas de acción, su composición, la Secretaría Técnica (el Departamento de Desarrollo Humano, Educación y Empleo de la OEA, DDHEE, en colaboración con la CIM) y un primer Comité Directivo integrado por Argentina, Chile, Costa Rica y Trinidad y Tobago.
    .conclusions-source = 37b354ce
    .next-steps =
        - Abril - mayo de 2022: la Secretaría Técnica elabora un primer borrador del documento fundacional; las unidades o áreas de género lo revisan y envían comentarios.
        - Mayo - junio de 2022: versión final del documento fundacional y primera reunión del Comité Directivo, para definir el Plan de Trabajo del primer año de la Red.
        - Julio a diciembre de 2022: desarrollo de las actividades definidas en el Plan de Trabajo.
    .next-steps-source = 4859108e

dialogue-5 = 5.º Diálogo Hemisférico de Género entre Ministerios de Trabajo: “Hacia una inspección del trabajo con enfoque de género”
    .source = eb8dcfc5
    .summary = Primera iniciativa hemisférica de la RIAL/GÉNERO tras su creación, incluida en su Plan de Trabajo 2022-2023. Celebrado de forma virtual, el diálogo reunió a directoras, directores, funcionarias y funcionarios de las unidades de género y de las áreas de inspección de 28 Ministerios de Trabajo de las Américas, al Ministerio de Trabajo de España como país observador y a especialistas de la Organización Internacional del Trabajo (OIT), EUROsociAL+ y la OEA. Su objetivo fue presentar experiencias significativas, ofrecer herramientas prácticas y formular recomendaciones para integrar el enfoque de género en la inspección del trabajo, como un paso importante para lograr la plena transversalización del enfoque de género en los Ministerios de Trabajo. La primera parte, sobre experiencias nacionales, se abrió con las presentaciones de los Ministerios de Trabajo de Costa Rica y Chile, seguidas de un intercambio; la segunda consistió en un ejercicio en subgrupos para definir recomendaciones de política.
    .summary-source = c92d29b6
    .conclusions =
        - Existe un amplio consenso en que la inspección del trabajo desempeña un papel muy importante para lograr la igualdad de género: debe garantizar que la legislación laboral se aplique por igual a todas las personas y, dada su responsabilidad de brindar información técnica y asesoramiento a empleadores y trabajadores (Convenio 81 de la OIT), constituye una herramienta privilegiada de capacitación y sensibilización.
        - La transversalización del enfoque de género requiere una visión sistémica: las unidades de género cumplen un papel de asesoría y orientación, pero no son las únicas responsables, y deben tender puentes con todas las áreas del Ministerio. Las instancias o comités de género y los enlaces o puntos focales de género en las distintas áreas constituyen una excelente práctica, como en Chile y Panamá.
        - Una transversalización efectiva requiere compromiso político e institucional y alianzas interinstitucionales, en especial una coordinación permanente con los mecanismos nacionales para el adelanto de las mujeres.
        - La relación entre las unidades de género y las áreas de inspección varía mucho; es más estrecha cuando existe un enlace de género en la inspección, cuando las unidades de género son más sólidas y cuando hay apoyo de alto nivel a la transversalización del enfoque de género.
        - Acciones de las unidades de género con la inspección del trabajo: orientación sobre planes, metodologías e instrumentos de inspección con enfoque de género (por ejemplo, el Catálogo de infracciones de género y la Guía de Inspección con enfoque de género de Costa Rica); sensibilización y capacitación de inspectores e inspectoras, en especial sobre la violencia y el acoso por razón de género; apoyo en el trabajo con las empresas, incluida la capacitación impartida conjuntamente con inspectores e inspectoras (Panamá).
        - La capacitación de inspectores e inspectoras es fundamental desde el inicio; debe ser aplicada y no teórica, estar anclada en el contexto local y basarse en casos ficticios y reales. Costa Rica describe un proceso de capacitación-construcción en el que las herramientas y la capacitación se ajustan constantemente según los hallazgos en el terreno.
        - Una inspección con enfoque de género debe abarcar: el empleo y la colocación (selección, reclutamiento y contratación); las relaciones laborales (brecha salarial, condiciones de trabajo, conciliación del trabajo y las responsabilidades familiares, libertad sindical y negociación colectiva); la seguridad y salud en el trabajo, incluidas instalaciones como las salas de lactancia y los servicios sanitarios; el acoso sexual y laboral; y las situaciones específicas de los sectores y ocupaciones masculinizados y feminizados.
        - La inspección del trabajo puede actuar como agente de cambio social; el Ministerio del Trabajo de Chile aspira a una inspección del trabajo con perspectiva feminista que busque activamente transformar la realidad.
        - Debe fortalecerse el enfoque preventivo de la inspección del trabajo, tradicionalmente reactiva y activada por denuncias; se necesitan estrategias subnacionales para distintos contextos, sectores y ocupaciones.
        - Los instrumentos de Costa Rica fueron muy valorados: la Guía de Inspección Laboral con Enfoque de Género, el Catálogo de Nuevas Infracciones de Género (incorporado al catálogo general y al sistema de casos de inspección SILAC) y el Manual Didáctico para el uso de la Guía. Las inspecciones con enfoque de género utilizan cinco instrumentos: la entrevista con la parte empleadora, la solicitud de documentos, la entrevista con la persona trabajadora, la inspección ocular de las instalaciones y la citación a la parte empleadora. Lección aprendida: comenzar con un proyecto piloto y un grupo de personas multiplicadoras capacitadas, y luego transversalizar el enfoque en la mayoría o en la totalidad de las visitas de inspección.
        - En el trabajo con las empresas: la inspección con perspectiva de género requiere sensibilización e información para empleadores y trabajadores; se destacaron los premios o sellos que reconocen las buenas prácticas, como el sello “Yo sí cumplo” de Panamá y el registro de buenas prácticas laborales innovadoras de Chile; el trabajo debe prevenir y no solo sancionar, como en Uruguay, donde las empresas que han tenido casos de acoso deben realizar cursos de capacitación.
        - Elementos clave para avanzar: una unidad de género y un enlace de género dentro del área de inspección; la transversalización del enfoque de género en los planes nacionales e institucionales; el apoyo de la persona titular del Ministerio, el compromiso de la dirección y un presupuesto asignado; el aprovechamiento de la experiencia técnica de inspectores e inspectoras y de asesores jurídicos; un catálogo de infracciones de género que brinde seguridad jurídica.
        - Desafíos: identificar de forma continua las infracciones de género y actualizar los catálogos; contar con presupuesto para la capacitación continua de inspectores e inspectoras, asesores jurídicos y otros; incorporar en la inspección los determinantes sociales de la salud mental de las personas trabajadoras; mantener el apoyo político de los niveles superiores.
    .conclusions-source = a1f25031
    .recommendations =
        Recomendaciones generales para transversalizar el enfoque de género en los Ministerios de Trabajo:
        - Lograr y mantener el compromiso al más alto nivel político y programático, incorporando la igualdad de género en los planes nacionales e institucionales.
        - Profundizar y mantener la colaboración con los mecanismos nacionales para el adelanto de las mujeres.
        - Mejorar las investigaciones, los diagnósticos y los análisis estadísticos desagregados para visibilizar las brechas de género y construir líneas de base que permitan medir los avances.
        - Fortalecer las unidades o áreas de género, con una visión sistémica de la transversalización que involucre a todas las áreas del Ministerio.
        - Desarrollar y ajustar la legislación laboral para incorporar la perspectiva de género, en consonancia con los instrumentos internacionales.
        - Aumentar las campañas de sensibilización y la información sobre las desigualdades de género en el mundo del trabajo (brecha salarial, responsabilidades de cuidado, violencia), adaptadas a los sectores masculinizados o feminizados.
        - Incidir en otros espacios de toma de decisiones que afectan al mundo del trabajo, como las mesas sectoriales nacionales, la definición de políticas públicas y los debates legislativos.
        Recomendaciones específicas para transversalizar el enfoque de género en la inspección del trabajo:
        - Capacitación continua para inspectores e inspectoras, supervisores y otras áreas que inciden en la inspección (como las áreas de asesoría jurídica), que abarque las brechas de género, las herramientas para el enfoque de género, las guías de inspección con perspectiva de género, la violencia de género en el trabajo, y los instrumentos internacionales y la normativa nacional.
        - Elaborar guías y protocolos para la inspección del trabajo con enfoque de género, construidos con inspectores e inspectoras, prácticos y realistas, complementados con manuales y herramientas, y actualizados constantemente.
        - Garantizar la paridad de género en la inspección y contratar a más inspectoras, en especial en los puestos de toma de decisiones.
        - Lograr una mayor vinculación entre las unidades de género y las áreas de inspección mediante un enlace o punto focal de género dentro de la inspección.
        - Fortalecer el enfoque preventivo de la inspección del trabajo, con sensibilización y capacitación para empleadores y trabajadores.
        - Aumentar el presupuesto de la inspección y de sus esfuerzos por incorporar la perspectiva de género.
    .recommendations-source = 2b92355c
    .next-steps =
        - Continuar el intercambio sobre guías y manuales de inspección con enfoque de género, destacando la experiencia de Costa Rica; posible nueva actividad de la RIAL/GÉNERO que la Secretaría analiza con la OIT y la CIM.
        - Con el apoyo de la CIM, fortalecer la colaboración y la coordinación con los mecanismos nacionales para el adelanto de las mujeres.
        - Continuar con el Plan de Trabajo 2022-2023 de la RIAL/GÉNERO:
          - Incorporar más programas en el Portafolio de Programas de la RIAL; cada punto focal ha recibido un nombre de usuario y una contraseña.
          - Abrir el grupo de WhatsApp y el centro de documentación de la RIAL/GÉNERO durante el último trimestre de 2022 y principios de 2023.
          - 6.º Diálogo Hemisférico Virtual sobre Trabajo Doméstico Remunerado, marzo de 2023.
          - 7.º Diálogo Hemisférico Virtual sobre Inserción en el Mercado Laboral y Cierre de Brechas Ocupacionales, julio de 2023.
          - Continuar promoviendo la cooperación bilateral; la convocatoria de propuestas se abre en enero de 2023.
    .next-steps-source = ac998427

dialogue-6 = 6.º Diálogo Hemisférico de Género entre Ministerios de Trabajo: “Hacia un trabajo doméstico remunerado con derechos”
    .source = e6dc276f
    .summary = En el marco del Plan de Trabajo 2022-2023 de la RIAL/GÉNERO, el diálogo se celebró de forma virtual y fue organizado por la Secretaría General de la OEA con el apoyo de la Comisión Interamericana de Mujeres (CIM). Reunió a representantes de 27 Ministerios de Trabajo de las Américas, junto con representantes de los trabajadores y de los empleadores y del gobierno de España, para compartir avances y estrategias e identificar lecciones aprendidas y recomendaciones de política a fin de garantizar el cumplimiento de la legislación laboral y el respeto de los principios y derechos fundamentales en el trabajo doméstico remunerado. Se inició con los resultados del estudio “Derechos de las trabajadoras remuneradas del hogar de las Américas: avances y brechas persistentes”, de la CIM y la Fundación Panamericana para el Desarrollo (FUPAD). A continuación, los Ministerios de Trabajo y Seguridad Social de Uruguay y Jamaica presentaron sus experiencias, seguidas de intercambios en plenaria y en subgrupos sobre regulación, inspección, cobertura de la seguridad social, capacitación y profesionalización, difusión y sensibilización, alianzas con actores sociales y políticas de cuidados.
    .summary-source = bcea16a0
    .conclusions =
        - En las últimas décadas ha habido muchos avances en la regulación del trabajo doméstico, que han integrado a sus trabajadoras y trabajadores en un nivel de protección social y de seguridad y salud en el trabajo equivalente al de las demás personas trabajadoras: jornada laboral, protección contra el desempleo, régimen de despido y afiliación a la seguridad social, entre otros aspectos.
        - Se concedió gran importancia a la ratificación de los Convenios 189 y 190 de la OIT y a la armonización de la normativa con ellos, para que las trabajadoras y los trabajadores domésticos tengan los mismos derechos que todas las demás personas; el Convenio 189 reconoce además la necesidad de normas específicas que les permitan ejercer plenamente sus derechos.
        - El trabajo doméstico debe ser una política de Estado: los Ministerios de Trabajo promueven acciones y formulan políticas con la participación de las organizaciones de trabajadoras y trabajadores domésticos, la representación empleadora y otros ministerios y entidades; los diálogos tripartitos son herramientas positivas.
        - La formalización es lenta: es necesario visibilizar los beneficios de cotizar a la seguridad social, los derechos y obligaciones, y los procesos de formalización. Es difícil llegar a las personas trabajadoras, que no siempre tienen acceso a medios de comunicación o no son fácilmente identificables, y a las personas empleadoras, que por lo general no están representadas por una asociación.
        - La aplicación efectiva de la normativa es un desafío importante: se necesita un modelo de inspección que vigile el cumplimiento sin vulnerar la inviolabilidad del domicilio, que incluya inspecciones rutinarias, no programadas y no vinculadas a denuncias, dadas las dificultades que enfrentan las personas trabajadoras para denunciar. Las inspecciones del trabajo deben informar a las personas empleadoras y a las trabajadoras y los trabajadores domésticos sobre estas inspecciones y sobre lo que constituye una infracción.
        - Existe una brecha histórica en la cobertura de la seguridad social de las trabajadoras y los trabajadores domésticos, incluidas la jubilación y las pensiones; la legislación ha avanzado, pero su implementación es más lenta, y las políticas de cuidados deben incluir a las trabajadoras y los trabajadores domésticos y a sus familias.
        - La sensibilización es clave: para las personas empleadoras, que por lo general carecen de una asociación representativa; para el personal gubernamental, en especial el de la inspección del trabajo; y para cambiar la opinión pública, de modo que el trabajo doméstico se considere un trabajo digno y con derechos.
        - Se necesita un enfoque interseccional que tenga en cuenta a las trabajadoras y los trabajadores domésticos de origen étnico, racial o rural y, en especial, a las personas trabajadoras migrantes.
        - Lo que ha funcionado:
          - Seguridad social: en Uruguay, la cobertura de las trabajadoras y los trabajadores domésticos con un amplio espectro de prestaciones extensibles a las personas cuidadoras, y salarios que aumentaron muy por encima del promedio del sector privado tras su integración en el órgano tripartito de fijación de salarios; en Perú, un registro de contratos de trabajo doméstico que permite el seguimiento interinstitucional de las cotizaciones a la seguridad social; en México, la obligación de los empleadores de incorporar a la seguridad social a los 2.3 millones de trabajadoras y trabajadores domésticos del país.
          - Inspección y denuncias: la inspección masiva puerta a puerta de los hogares en Uruguay; las tabletas que utilizan inspectores e inspectoras en el terreno en Jamaica, que permiten recibir denuncias de manera presencial; en España, un real decreto-ley de 2022 que permite cruzar los datos de la inspección del trabajo con los de la tesorería de la seguridad social.
          - Sistemas de información y registro: recorridos por los barrios en Paraguay para formalizar las relaciones laborales, con un impacto positivo verificado mediante el cruce de datos con el Instituto de Previsión Social; en Chile, capacitación sobre un portal de registro e información en el que las personas trabajadoras pueden registrarse y crear un contrato de trabajo.
          - Capacitación y profesionalización: la capacitación de Jamaica con el sindicato de trabajadoras y trabajadores domésticos, las experiencias de Chile y Guatemala, y la colaboración de México con organizaciones de la sociedad civil en la capacitación y la certificación de competencias en trabajo doméstico, economía de los cuidados y servicios turísticos; programas de certificación gratuitos con horarios flexibles.
          - Diálogo social: apoyo a las organizaciones y sindicatos de trabajadoras y trabajadores domésticos, también en zonas periurbanas y rurales; órganos tripartitos como la Comisión Tripartita para la Igualdad de Oportunidades de Uruguay, impulsora de la Ley de Trabajo Doméstico de 2006, y la Comisión Tripartita de Paraguay; un sindicato y una cooperativa de trabajadoras y trabajadores domésticos que ofrecen capacitación en Trinidad y Tobago; el trabajo de Jamaica con los sindicatos y con su agencia de datos para recopilar datos sobre el sector.
        - La organización de las personas empleadoras de trabajadoras y trabajadores domésticos es uno de los mayores desafíos, ya que la falta de una organización representativa impide el intercambio de información y la sensibilización.
    .conclusions-source = 8f37eaba
    .recommendations =
        Recomendaciones generales:
        - Adoptar un enfoque intersectorial del trabajo doméstico remunerado, que tenga en cuenta la diversidad lingüística e intercultural y la situación de las trabajadoras y los trabajadores domésticos migrantes.
        - Garantizar que la legislación laboral no excluya a las trabajadoras y los trabajadores domésticos y que la legislación sobre trabajo doméstico consagre condiciones de igualdad con todas las personas trabajadoras; evitar la legislación diferenciada, que puede dar lugar a discriminación.
        - Incluir el trabajo doméstico remunerado en las políticas de cuidados que se están elaborando, abarcando a las trabajadoras y los trabajadores domésticos y a sus familias y mejorando el acceso a la formalización y a la seguridad social.
        - Promover la coordinación de todos los actores sociales pertinentes en los ámbitos local y nacional.
        Inspección del trabajo:
        - Diseñar procesos de sensibilización e incorporar la perspectiva de género en las inspecciones del trabajo, con las trabajadoras y los trabajadores domésticos y sus empleadores.
        - Capacitar a inspectores e inspectoras del trabajo en la detección y atención de la violencia y el acoso por razón de género.
        - Incorporar el enfoque de interseccionalidad en la inspección; por ejemplo, con materiales en distintos idiomas.
        - Desarrollar mecanismos de inspección y de denuncia que respeten la privacidad de los hogares, incluidas inspecciones rutinarias, no programadas y no vinculadas a denuncias; notificar con antelación a las personas empleadoras sobre estas inspecciones, sobre los derechos de las trabajadoras y los trabajadores domésticos y sobre lo que constituye una infracción.
        Coordinación con los distintos actores y diálogo social:
        - Promover la coordinación con los empleadores, los trabajadores y las organizaciones que representan a las trabajadoras y los trabajadores domésticos en los ámbitos local y nacional.
        - Crear mesas interinstitucionales con todos los actores y adoptar planes de trabajo de mediano y largo plazo.
        - Fortalecer los espacios de diálogo social, como las comisiones tripartitas con enfoque de género.
        - Promover, mediante el diálogo social, un lenguaje adecuado y una denominación del trabajo doméstico acordes con las preferencias del sector.
        Cobertura de la seguridad social:
        - Ampliar la cobertura más allá de las pensiones (licencia por enfermedad remunerada, licencia de maternidad remunerada, desempleo), con acciones de sensibilización dirigidas en particular a los empleadores.
        - Establecer la obligación de los empleadores de inscribir a las trabajadoras y los trabajadores domésticos en la seguridad social.
        - Evaluar prestaciones por desempleo para los casos en que se interrumpe la relación laboral, en especial para las trabajadoras y los trabajadores domésticos con más de un empleador.
        - Cruzar los datos registrados en las instituciones del Estado para verificar el cumplimiento de las cotizaciones.
        Profesionalización y capacitación:
        - Con los aportes de las trabajadoras y los trabajadores domésticos, crear programas gratuitos de certificación de competencias con horarios flexibles.
        - Profesionalizar a las trabajadoras y los trabajadores domésticos en diversas áreas, incluidos los cuidados.
        Difusión y sensibilización:
        - Campañas y materiales sobre derechos y obligaciones con todos los actores sociales pertinentes, para consolidar una cultura de cumplimiento.
        - Informar, sensibilizar y asesorar a las trabajadoras y los trabajadores domésticos y a sus empleadores sobre sus derechos y obligaciones, incluidas la prevención y la atención de la violencia y el acoso por razón de género.
        - Apoyar con traducciones a las trabajadoras y los trabajadores domésticos que hablan otro idioma.
        - Guías y tutoriales sobre cómo elaborar contratos de trabajo.
        - Un enfoque riguroso de sensibilización sobre los beneficios de cotizar a la seguridad social.
    .recommendations-source = 854f9dab
    .next-steps =
        - Poner en marcha el Centro de Documentación, con materiales y recursos para las unidades de género de los Ministerios de Trabajo.
        - Celebrar el 7.º Diálogo Hemisférico virtual sobre inserción en el mercado laboral y cierre de brechas ocupacionales, en julio de 2023.
        - Incorporar más programas en el Portafolio de Programas de la RIAL; cada punto focal ha recibido un nombre de usuario y una contraseña.
        - Continuar promoviendo la cooperación bilateral: en la 16.ª Convocatoria de Cooperación Bilateral de la RIAL/OEA se seleccionó una cooperación entre el Ministerio del Trabajo de Colombia (solicitante) y el Ministerio de Trabajo de Uruguay (oferente) sobre “Formalización del Trabajo Doméstico Remunerado”, que se llevará a cabo en 2023.
        - Publicar un repositorio de acciones de los Ministerios de Trabajo sobre trabajo doméstico en cinco áreas (capacitación y profesionalización; difusión y sensibilización; inspección; cobertura de la seguridad social; alianzas con actores sociales), validado con cada Ministerio y vinculado al micrositio de la CIM sobre trabajo doméstico (https://www.oas.org/en/cim/domestic-work/pages/descargas.html, página en inglés).
    .next-steps-source = cf90ef9e

dialogue-7 = 7.º Diálogo Hemisférico de Género entre Ministerios de Trabajo: “Transversalización del enfoque de género en las estrategias de formación y empleo: cierre de brechas ocupacionales”
    .source = 143c3d75
    .summary = Séptimo diálogo virtual de la RIAL/GÉNERO, previsto en su Plan de Trabajo 2022-2023 como un diálogo sobre inserción en el mercado laboral y cierre de brechas ocupacionales. Su documento de resultados y conclusiones se encontraba en revisión cuando se elaboró el informe de la RIAL/GÉNERO 2020-2023 y no se incluye en él.
    .summary-source = 3c2eb82e
