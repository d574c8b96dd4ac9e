### Textos de la interfaz del portal en español (web/). Cada id empieza por `portal-`; los
### mismos ids, con las mismas variables, están en locales/en/portal.ftl.

portal-network-short = GÉNERO
portal-tagline = Puntos focales de género de los Ministerios de Trabajo de las Américas
portal-skip = Ir al contenido principal
portal-nav-label = Menú principal
portal-nav-home = Inicio
portal-nav-search = Buscar
portal-footer = RIAL/GÉNERO, la red de puntos focales de género de la Red Interamericana para la Administración Laboral (RIAL), Organización de los Estados Americanos.

## Inicio

portal-home-title = La red de puntos focales de género en los Ministerios de Trabajo
portal-home-lead = RIAL/GÉNERO es una comunidad de práctica especializada de la Red Interamericana para la Administración Laboral (RIAL) de la OEA. Reúne a las unidades y áreas de género de los Ministerios de Trabajo de las Américas y se lanzó formalmente en el 4.º Diálogo Hemisférico, el 15 de marzo de 2022.
portal-home-purpose = Su propósito es contribuir a la plena igualdad de género en el mundo del trabajo mediante el fortalecimiento de las unidades de género de los Ministerios: el intercambio de programas, experiencias y lecciones aprendidas, los diálogos hemisféricos y la cooperación bilateral.
portal-home-themes = Áreas de acción
portal-home-programs = Programas recientes
portal-home-all-programs = { $count ->
    [one] El programa del Portafolio
   *[other] Los { $count } programas del Portafolio
}
portal-home-documents = Documentos recientes
portal-home-all-documents = { $count ->
    [one] El documento del Centro de Documentación
   *[other] Los { $count } documentos del Centro de Documentación
}
portal-untranslated = Aún sin traducir

## Búsqueda

portal-search-title = Buscar programas y documentos
portal-search-label = Buscar programas y documentos
portal-search-button = Buscar
portal-sort-label = Ordenar por
portal-sort-relevance = Mayor relevancia
portal-sort-newest = Más recientes primero
portal-sort-oldest = Más antiguos primero
portal-sort-title = Título (A–Z)
portal-search-count = { $count ->
    [0] Ningún resultado
    [one] 1 resultado
   *[other] { $count } resultados
}
portal-search-nothing = Ningún resultado coincide con esta búsqueda. Pruebe con otras palabras o quite un filtro.
portal-search-refine = Refinar
portal-search-filters = Sus filtros
portal-search-remove = Quitar
portal-search-clear = Quitar todos los filtros
portal-search-selected = seleccionado
portal-search-start-over = Empezar una nueva búsqueda
portal-search-unavailable-title = La búsqueda no está disponible
portal-search-unavailable = El motor de búsqueda no responde en este momento. Vuelva a intentarlo en unos minutos; mientras tanto, el resto del portal funciona.
portal-facet-themes = Área de acción
portal-facet-countries = País
portal-facet-kinds = Tipo
portal-facet-years = Año
portal-kind-program = Programa
portal-pages-label = Páginas de resultados
portal-pages-previous = Anterior
portal-pages-next = Siguiente
portal-pages-page = Página { $page }

## Parámetros de búsqueda no válidos

portal-bad-title = No se puede realizar esta búsqueda
portal-bad-page = El número de página debe ser un número entero entre 1 y 1000.
portal-bad-year = El año debe indicarse como, por ejemplo, 2021.
portal-bad-sort = Orden desconocido: elija uno de la lista.
portal-bad-kind = Tipo de entrada desconocido.
portal-bad-theme = Área de acción desconocida.
portal-bad-country = Los países se indican con su código de dos letras, por ejemplo, UY.

## Programa

portal-program-portfolio = Portafolio de Programas
portal-program-country = País
portal-program-institution = Institución
portal-program-years = Años
portal-program-since = Desde { $year }
portal-program-years-unknown = Sin datos
portal-program-evaluated = Evaluado
portal-program-status = Estado
portal-program-themes = Áreas de acción
portal-program-summary = Resumen
portal-program-objectives = Objetivos
portal-program-results = Resultados
portal-program-lessons = Lecciones aprendidas
portal-program-evaluation = Evaluación
portal-untranslated-from-es = Este programa aún no se ha traducido: se muestra en español, el idioma en que fue redactado.
portal-untranslated-from-en = Este programa aún no se ha traducido: se muestra en inglés, el idioma en que fue redactado.
portal-yes = Sí
portal-no = No

## Errores

portal-error-status = Error { $status }
portal-error-home = Ir a la página de inicio
portal-error-search = Buscar programas y documentos
portal-error-400-title = No se puede interpretar esta solicitud
portal-error-400 = Hay algo no válido en la dirección.
portal-error-404-title = Página no encontrada
portal-error-404 = No hay ninguna página en esta dirección. Puede que se haya trasladado o que la dirección contenga un error.
portal-error-405-title = Operación no permitida
portal-error-405 = Esta página solo puede consultarse.
portal-error-502-title = Respuesta inesperada
portal-error-502 = El servicio de datos dio una respuesta que el portal no pudo utilizar. Vuelva a intentarlo más tarde.
portal-error-503-title = Servicio no disponible
portal-error-503 = El portal no puede comunicarse con el servicio de datos de la red en este momento. Vuelva a intentarlo en unos minutos.

## Menú y listas

portal-nav-dialogues = Diálogos
portal-nav-countries = Países
portal-none = Aún no hay registros.
portal-language-en = Inglés
portal-language-es = Español

## Documento

portal-document-kind = Tipo
portal-document-date = Publicación
portal-document-languages = Disponible en
portal-document-dialogue = Diálogo
portal-document-cooperation = Cooperación bilateral
portal-document-countries = Países
portal-document-read = Leer el documento
portal-document-contents = Contenido

## Países

portal-countries-title = Países
portal-countries-lead = Los Estados miembros y observadores de la OEA que forman parte de la red, con lo que comparte cada Ministerio de Trabajo.
portal-country-search = Programas y documentos de { $country }
portal-country-institutions = Instituciones
portal-country-programs = Programas
portal-country-dialogues = Diálogos hemisféricos en los que participó
portal-country-observed-dialogues = Diálogos hemisféricos a los que asistió como Estado observador
portal-country-cooperations = Cooperación bilateral
portal-cooperation-between = { $provider } asesora a { $requester }
portal-country-seats = Puestos en el Comité Directivo
portal-country-documents = Documentos
portal-country-actions = Acciones sobre trabajo doméstico remunerado

## Diálogos

portal-dialogues-title = Diálogos hemisféricos
portal-dialogues-lead = Los diálogos hemisféricos entre las unidades y áreas de género de los Ministerios de Trabajo de las Américas. La red se lanzó formalmente en el 4.º, el 15 de marzo de 2022.
portal-dialogue-date = Fecha
portal-dialogue-format = Modalidad
portal-dialogue-participation = Participación
portal-dialogue-event = Página del evento
portal-dialogue-conclusions = Conclusiones
portal-dialogue-recommendations = Recomendaciones
portal-dialogue-next-steps = Próximos pasos
portal-dialogue-participants = { $count ->
    [one] 1 participante
   *[other] { $count } participantes
}
portal-dialogue-organizations = Organismos internacionales

## Dates

portal-date = { $day } de { $month } de { $year }
portal-month-1 = enero
portal-month-2 = febrero
portal-month-3 = marzo
portal-month-4 = abril
portal-month-5 = mayo
portal-month-6 = junio
portal-month-7 = julio
portal-month-8 = agosto
portal-month-9 = septiembre
portal-month-10 = octubre
portal-month-11 = noviembre
portal-month-12 = diciembre

## Centro de Documentación y Comité Directivo

portal-nav-documents = Documentos
portal-documents-title = Centro de Documentación
portal-documents-lead = Estudios, manuales, conclusiones de los diálogos, cursos y los textos fundacionales de la red, por título.
portal-documents-all-kinds = Todos los tipos
portal-documents-show = Mostrar
portal-documents-count = { $count ->
    [0] Ningún documento
    [one] 1 documento
   *[other] { $count } documentos
}
portal-bad-cursor = Esta página de la lista ya no existe; vuelva a empezar desde la primera página.
portal-pages-first = Primera página
portal-committee-title = Comité Directivo
portal-committee-lead = Cuatro Ministerios de Trabajo orientan el trabajo de la red y definen sus planes de acción anuales; uno de los puestos corresponde siempre a la Presidencia de la Conferencia Interamericana de Ministros de Trabajo (CIMT).
portal-committee-role = Puesto
portal-committee-term = Mandato

## Cooperación bilateral y Repositorio de Acciones sobre Trabajo Doméstico Remunerado

portal-cooperations-title = Cooperación bilateral
portal-cooperations-lead = Asesoría técnica entre Ministerios de Trabajo, acordada en las convocatorias de cooperación bilateral de la RIAL: quién asesoró a quién, sobre qué tema y con qué resultado.
portal-cooperation-call = Convocatoria { $number }
portal-domestic-work-title = Repositorio de Acciones sobre Trabajo Doméstico Remunerado
portal-domestic-work-lead = Lo que han hecho los Ministerios de Trabajo de la región para dignificar y formalizar el trabajo doméstico remunerado y garantizar el pleno ejercicio de los derechos, país por país.
portal-domestic-work-search = Programas y documentos sobre trabajo doméstico

## Canal Atom

portal-feed-title = Nuevos programas y documentos
portal-feed-subtitle = Programas del Portafolio y documentos del Centro de Documentación, los más recientes primero.
portal-feed-link = Canal de novedades (Atom)

## El portal con sesión iniciada: puntos focales y la Secretaría Técnica

portal-error-403-title = Acceso no permitido
portal-error-403 = Su cuenta no puede ver esta página ni hacer este cambio, o el formulario no provino de una página de este portal. No se modificó nada.
portal-error-409-title = No es posible en este momento
portal-error-409 = No se puede realizar esta acción en el estado actual del programa. No se modificó nada.
portal-error-413-title = Texto demasiado extenso
portal-error-413 = El formulario envió más texto del que el portal acepta. No se modificó nada.
portal-account-nav = Su cuenta
portal-sign-in-link = Iniciar sesión
portal-sign-in-title = Iniciar sesión
portal-sign-in-lead = Para los puntos focales de la red y la Secretaría Técnica: inicie sesión con el nombre de usuario y la contraseña que se le asignaron.
portal-sign-in-username = Nombre de usuario
portal-sign-in-password = Contraseña
portal-sign-in-button = Iniciar sesión
portal-sign-out = Cerrar sesión
portal-signed-in-as = Sesión iniciada como { $name }
portal-my-programs-title = Mis programas
portal-my-programs-none = Su institución aún no tiene programas en el Portafolio.
portal-my-comment = Comentario de la Secretaría Técnica:
portal-my-edit = Editar
portal-my-submit = Enviar a revisión
portal-my-submitted = «{ $title }» se envió a la Secretaría Técnica para su revisión.
portal-my-saved = «{ $title }» se guardó.
portal-step-created = Creado el { $date }
portal-step-returned = Devuelto para cambios el { $date }
portal-step-submitted = Enviado a revisión el { $date }
portal-step-published = Publicado el { $date }
portal-step-archived = Archivado el { $date }
portal-status-created = Creado como borrador
portal-status-draft = Borrador
portal-status-submitted = Enviado
portal-status-published = Publicado
portal-status-archived = Archivado
portal-history-step = { $from } → { $to }
portal-history-what = Paso
portal-history-when = Fecha
portal-history-who = Por
portal-history-comment = Comentario
portal-role-secretariat = Secretaría Técnica
portal-role-member = Punto focal
portal-program-new-title = Nuevo programa
portal-program-edit-title = Editar programa
portal-program-not-draft = Solo se puede editar un borrador. Este programa está en manos de la Secretaría Técnica o ya se publicó.
portal-program-submit-hint = Cuando el programa esté listo, envíelo: la Secretaría Técnica lo revisará y lo publicará o se lo devolverá con comentarios.
portal-field-title = Título
portal-field-summary = Resumen
portal-field-evaluated = ¿El programa ha sido evaluado?
portal-field-start-year = Año de inicio
portal-field-end-year = Año de finalización
portal-field-source-language = Idioma en que están redactados los textos
portal-field-themes = Áreas de acción
portal-field-year = Indique el año con cuatro cifras, por ejemplo, 2021.
portal-field-email = Correo electrónico
portal-field-phone = Teléfono
portal-hint-title = Hasta 300 caracteres.
portal-hint-year = Cuatro cifras, por ejemplo, 2021. Déjelo en blanco si no se conoce.
portal-hint-end-year = Déjelo en blanco mientras el programa esté en curso.
portal-hint-phone = Con el código de país, por ejemplo, +598 2915 2020.
portal-hint-comment = Obligatorio para devolver el programa: indique qué debe cambiarse.
portal-form-problems = { $count ->
    [one] Hay 1 problema en este formulario
   *[other] Hay { $count } problemas en este formulario
}
portal-form-required = (obligatorio)
portal-form-save = Guardar
portal-contact-title = Mis datos de contacto
portal-contact-saved = Se guardaron sus datos de contacto.
portal-review-title = Programas por revisar
portal-review-count = { $count ->
    [0] No hay programas pendientes de revisión
    [one] Hay 1 programa pendiente de revisión
   *[other] Hay { $count } programas pendientes de revisión
}
portal-review-published = El programa se publicó.
portal-review-returned = El programa se devolvió a su punto focal con su comentario.
portal-review-institution = Institución
portal-review-submitted = Enviado
portal-review-submitted-by = Enviado por
portal-review-history = Historial
portal-review-decision = Decisión
portal-review-publish = Publicar
portal-review-return = Devolver con comentario
portal-review-comment = Comentario para el punto focal
portal-directory-title = Base de datos de miembros
portal-directory-count = { $count ->
    [one] 1 miembro
   *[other] { $count } miembros
}
portal-directory-saved = Se guardaron los datos del miembro.
portal-member-new-title = Nuevo miembro
portal-member-edit-title = Editar miembro
portal-member-inactive = ya no es miembro
portal-field-slug = Clave
portal-hint-slug = Letras minúsculas, cifras y guiones, por ejemplo, patricia-saenz. No se podrá cambiar después.
portal-field-full-name = Nombre completo
portal-field-position = Título o cargo
portal-field-institution = Institución
portal-field-country = País
portal-hint-country = Si no se elige, el país de la institución.
portal-country-of-institution = El país de la institución
portal-field-network-role = Función en la red
portal-field-active = ¿La persona es miembro actual de la red?
portal-answer-not-stated = No consta
portal-choose = Elija una opción…
portal-network-role-focal-point = Punto focal
portal-network-role-delegate = Delegado o delegada
portal-network-role-secretariat = Secretaría Técnica
portal-network-role-observer = Observador u observadora
portal-institutions-title = Instituciones
portal-institutions-count = { $count ->
    [one] 1 institución
   *[other] { $count } instituciones
}
portal-institution-saved = Se guardaron los datos de la institución.
portal-institution-new-title = Nueva institución
portal-institution-edit-title = Editar institución
portal-hint-institution-slug = Letras minúsculas, cifras y guiones, por ejemplo, mol-uy. No se podrá cambiar después.
portal-hint-institution-country = Ninguno en el caso de un organismo internacional.
portal-no-country = Ninguno (organismo internacional)
portal-field-official-name = Nombre oficial
portal-field-acronym = Sigla
portal-field-institution-kind = Tipo de institución
portal-institution-kind-ministry = Ministerio de Trabajo
portal-institution-kind-mission = Misión Permanente ante la OEA
portal-institution-kind-international = Organismo internacional
portal-institution-kind-consultative = Órgano consultivo
portal-institution-kind-secretariat = Secretaría Técnica

## The Secretariat's membership database: its sections, documents, dialogues,
## cooperations and Steering Committee seats

portal-directory-sections = Secciones de la base de datos de miembros
portal-members-title = Miembros
portal-field-date = Escriba una fecha como año-mes-día, por ejemplo, 2022-03-15.
portal-field-number = Escriba un número entero, por ejemplo, 4.
portal-field-url = Dirección web
portal-hint-url = Una dirección completa que empiece por https://
portal-hint-date = Año-mes-día, por ejemplo, 2022-03-15.
portal-hint-year-required = Cuatro cifras, por ejemplo, 2021.
portal-none-chosen = Ninguno
portal-texts-in-english = Los textos se guardan en inglés, el idioma en que se registran; su traducción al español se escribe en los archivos de idioma (véase Traducciones).
portal-document-new-title = Nuevo documento
portal-document-edit-title = Editar documento
portal-document-saved = Se guardó el documento.
portal-hint-document-slug = Letras minúsculas, cifras y guiones, por ejemplo, estudio-cuidados-2023. Forma parte de la dirección del documento; no se podrá cambiar después.
portal-field-year-published = Año de publicación
portal-hint-languages = Al menos uno.
portal-hint-document-countries = Los países de los que trata el documento.
portal-dialogues-count = { $count ->
    [one] 1 diálogo
   *[other] { $count } diálogos
}
portal-dialogue-new-title = Nuevo diálogo
portal-dialogue-edit-title = Editar diálogo
portal-dialogue-saved = Se guardó el diálogo.
portal-field-dialogue-number = Número del diálogo
portal-hint-dialogue-number = 1 para el 1.er diálogo. No se podrá cambiar después.
portal-field-ministries-count = Ministerios de Trabajo participantes
portal-field-governments-count = Gobiernos participantes
portal-hint-governments-count = Solo cuando los documentos cuentan gobiernos en lugar de ministerios.
portal-field-dialogue-countries = Países cuyos ministerios participaron
portal-cooperations-count = { $count ->
    [one] 1 cooperación
   *[other] { $count } cooperaciones
}
portal-cooperation-new-title = Nueva cooperación
portal-cooperation-edit-title = Editar cooperación
portal-cooperation-saved = Se guardó la cooperación.
portal-hint-cooperation-slug = Letras minúsculas, cifras y guiones, por ejemplo, uy-ar-cuidados-2023. No se podrá cambiar después.
portal-field-topic = Tema
portal-field-call = Número de la convocatoria
portal-hint-call = La convocatoria de cooperación bilateral de la RIAL en que fue seleccionada.
portal-field-call-year = Año de la convocatoria
portal-field-requesting-country = País que recibe la asesoría
portal-field-requesting-institution = Institución que recibe la asesoría
portal-field-providing-country = País que brinda la asesoría
portal-field-providing-institution = Institución que brinda la asesoría
portal-field-cooperation-status = Avance
portal-hint-cooperation-status = Una cooperación nueva queda «Seleccionada» si no se elige otro estado.
portal-status-not-chosen = Sin elegir
portal-field-outcome = Resultado, o resultado esperado
portal-seats-count = { $count ->
    [one] 1 puesto
   *[other] { $count } puestos
}
portal-seat-new-title = Nuevo puesto
portal-seat-edit-title = Editar puesto
portal-seat-saved = Se guardó el puesto.
portal-seat-deleted = Se eliminó el puesto.
portal-field-ministry = Ministerio que ocupa el puesto
portal-field-term-start = Primer año del mandato
portal-field-term-end = Último año del mandato
portal-hint-term-end = Déjelo en blanco si el puesto es permanente.
portal-field-office-term-start = Primer año del cargo que da el puesto
portal-hint-office-term = El cargo en la CIMT o en el Grupo de Trabajo, cuando lo hay.
portal-field-office-term-end = Último año de ese cargo
portal-seat-delete-link = Eliminar este puesto…
portal-seat-delete-title = Eliminar un puesto
portal-seat-delete-warning = El puesto se eliminará del Comité Directivo, aquí y en la página pública. No se puede deshacer.
portal-seat-delete-button = Eliminar el puesto
portal-seat-delete-cancel = Conservarlo y volver al puesto

## The Secretariat's translation status (/translations)

portal-translations-title = Traducciones
portal-translations-intro = Lo que está traducido, por idioma y tipo de entrada, y lo que una persona traductora debe escribir: cada entrada sin traducir con su texto de origen, su identificador de mensaje y su archivo de idioma, y cada traducción cuyo texto de origen cambió desde entonces (desactualizada). Lo mismo que las órdenes “gateway i18n coverage” y “gateway i18n missing”; la guía de traducción es locales/README.md.
portal-translations-coverage = Cobertura por archivo de idioma
portal-translations-file = Archivo de idioma
portal-translations-entries = Entradas por traducir
portal-translations-translated = Traducidas
portal-translations-stale = Campos desactualizados
portal-translations-complete = completo
portal-translations-stub = { $language ->
    [es] Por escribir en español
   *[en] Por escribir en inglés
}
portal-translations-nothing = Nada que traducir ni revisar.
