### Interface text in Spanish: labels of enumerated values (`<enum>-<value>` in kebab case,
### schema/src/enums.rs), error messages (`error-<code>-<case>`) and sentences the API builds.

## OasStatus

oas-status-member-state = Estado miembro
oas-status-observer-state = Estado observador

## Subregion

subregion-caribbean = Caribe
subregion-central-america = América Central
subregion-south-america = América del Sur
subregion-north-america = América del Norte
subregion-europe = Europa

## InstitutionKind

institution-kind-ministry-of-labor = Ministerio de Trabajo
institution-kind-permanent-mission = Misión permanente
institution-kind-international-organization = Organismo internacional
institution-kind-consultative-body = Órgano consultivo
institution-kind-technical-secretariat = Secretaría técnica

## NetworkRole

network-role-focal-point = Punto focal
network-role-delegate = Persona delegada
network-role-secretariat = Secretaría
network-role-observer = Persona observadora

## ProgramStatus

program-status-draft = Borrador
program-status-submitted = Enviado
program-status-published = Publicado
program-status-archived = Archivado

## Language

language-en = Inglés
language-es = Español

## DialogueFormat

dialogue-format-virtual = Virtual
dialogue-format-in-person = Presencial

## CooperationStatus

cooperation-status-selected = Seleccionada
cooperation-status-underway = En curso
cooperation-status-completed = Concluida

## DocumentKind

document-kind-study = Estudio
document-kind-manual = Manual
document-kind-glossary = Glosario
document-kind-conclusions = Conclusiones
document-kind-agenda = Agenda
document-kind-course = Curso
document-kind-repository = Repositorio
document-kind-proposal = Propuesta
document-kind-foundational-document = Documento fundacional
document-kind-report = Informe

## Search: the kind facet's value for programs (documents use DocumentKind above)

search-kind-program = Programa

## SeatRole

seat-role-iacml-chair = Presidencia de la CIMT
seat-role-wg1-chair = Presidencia del Grupo de Trabajo 1
seat-role-wg1-vice-chair = Vicepresidencia del Grupo de Trabajo 1
seat-role-elected-member = Miembro electo

## InterventionArea

intervention-area-training-professionalization = Capacitación y profesionalización
intervention-area-dissemination-awareness = Difusión y sensibilización
intervention-area-inspection = Inspección
intervention-area-social-security-coverage = Cobertura de seguridad social
intervention-area-alliances-social-actors = Alianzas con actores sociales

## Errors
# Mensajes de error; `extensions.code` es el mismo en todos los idiomas.
error-invalid-id = `{ $value }` no es un identificador válido de { $entity ->
        [Program] programa
        [Country] país
        [Dialogue] diálogo
        [Document] documento
        [Institution] institución
        [Member] persona
        [Cooperation] cooperación
        [CommitteeSeat] puesto del Comité
        [Theme] área de acción
       *[other] { $entity }
    }
error-invalid-country-code = `{ $value }` no es un código de país ISO 3166-1 alfa-2
error-invalid-slug = `{ $value }` no es un identificador de texto válido (letras minúsculas y dígitos en palabras separadas por guiones)
error-unknown-country = código de país desconocido: `{ $value }`
error-unknown-theme = tema desconocido: `{ $value }`
error-unknown-institution = institución desconocida: `{ $value }`
error-negative-page-size = `first` no puede ser negativo
error-page-size-too-large = `first` no puede ser mayor que { $max } (el tamaño máximo de página)
error-bad-cursor = `after` no es un cursor devuelto por esta API
error-foreign-cursor = `after` es un cursor de otra lista u otro orden
error-empty-text = `text` no puede estar vacío
error-text-too-long = `text` no puede tener más de { $max } caracteres
error-year-out-of-range = el año { $year } está fuera del rango admitido (1900–2100)
error-reversed-years = `yearFrom` ({ $from }) es posterior a `yearTo` ({ $to })
error-page-out-of-range = `page` debe estar entre 1 y { $max }
error-hits-per-page-out-of-range = `hitsPerPage` debe estar entre 0 y { $max }
error-query-too-long = `query` no puede tener más de { $max } caracteres
error-search-unavailable = la búsqueda no está disponible en este momento; las demás consultas siguen funcionando
error-query-too-deep = la consulta tiene demasiados niveles de anidamiento (como máximo { $max })
error-query-too-complex = la consulta pide demasiados campos (como máximo { $max })
error-too-many-aliases = la consulta tiene más de { $max } alias
error-timeout = la solicitud tardó más de { $ms } ms y se detuvo
error-request-too-large = el cuerpo de la solicitud supera los { $max } bytes
error-nesting-too-deep = la consulta anida corchetes o llaves en más de { $max } niveles
error-fragment-cycle = el fragmento `{ $name }` se incluye a sí mismo
error-query-too-costly = la respuesta podría contener más de { $max } valores: pida páginas más pequeñas o menos listas
error-nul-character = un texto contiene un carácter NUL (U+0000), que ningún texto puede contener
error-response-too-large = la respuesta supera los { $max } bytes: pida páginas más pequeñas o menos campos
error-body-timeout = el cuerpo de la solicitud no llegó en { $ms } ms
error-unauthenticated = el token de acceso no es válido (vencido, revocado o malformado): vuelva a iniciar sesión
error-sign-in-required = esto requiere una cuenta: inicie sesión (`login`) y envíe su token
error-invalid-credentials = usuario desconocido o contraseña incorrecta
error-login-throttled = demasiados intentos fallidos de inicio de sesión: vuelva a intentarlo en { $minutes } minutos
error-not-found = no se encontró { $entity ->
        [Program] el programa
        [Country] el país
        [Dialogue] el diálogo
        [Document] el documento
        [Institution] la institución
        [Member] la persona
        [Cooperation] la cooperación
        [CommitteeSeat] el puesto del Comité
        [Theme] el área de acción
       *[other] { $entity }
    } `{ $key }`
error-internal = error interno
error-database-unavailable = la base de datos no está disponible o está demasiado ocupada en este momento: vuelva a intentarlo en unos instantes
error-forbidden = su cuenta no puede hacer esto
error-invalid-transition = un programa en estado «{ $status ->
        [DRAFT] { program-status-draft }
        [SUBMITTED] { program-status-submitted }
        [PUBLISHED] { program-status-published }
        [ARCHIVED] { program-status-archived }
       *[other] { $status }
    }» { $action ->
        [edit] no puede editarse
        [submit] no puede enviarse
        [publish] no puede publicarse
        [return] no puede devolverse
        [archive] no puede archivarse
       *[other] no admite este paso
    }
error-invalid-fields = { $count ->
    [one] un campo de la entrada no es válido (véase `extensions.fields`)
   *[other] { $count } campos de la entrada no son válidos (véase `extensions.fields`)
}

## Problemas de un campo de la entrada de una mutación (`extensions.fields[].message`)

field-required = es obligatorio
field-too-long = debe tener como máximo { $max } caracteres
field-out-of-range = debe estar entre { $min } y { $max }
field-before-start = no puede ser anterior a `{ $start }`
field-invalid-format = { $expected ->
    [slug] no es un identificador de texto válido (letras minúsculas y dígitos en palabras separadas por guiones)
    [url] no es una URL http o https
    [email] no es una dirección de correo electrónico
    [phone] no es un número de teléfono (dígitos, espacios y + ( ) - .)
    [id] no es un identificador válido
   *[other] no tiene un formato válido
}
field-unknown-reference = `{ $value }` no existe
field-already-taken = `{ $value }` ya está en uso
field-invalid-reference = `{ $value }` no puede usarse aquí
field-immutable = no puede cambiar una vez creado (es `{ $current }`)

## Frases

# La línea de participación de un diálogo.
dialogue-participation-summary = { $count ->
    [one] Participó un Ministerio de Trabajo
   *[other] Participaron { $count } Ministerios de Trabajo
}

# La línea de participación de un diálogo que los documentos cuentan en gobiernos (el 1.º).
dialogue-participation-governments = { $count ->
    [one] Participaron delegaciones de un gobierno
   *[other] Participaron delegaciones de { $count } gobiernos
}

# Qué objetivo de la Red es un enunciado.
objective-kind-purpose = Propósito
objective-kind-general = Objetivo general
objective-kind-specific = Objetivo específico

## The gateway's GraphiQL page (GET /graphql in a browser); GraphiQL's own controls stay English

graphiql-title = API GraphQL de RIAL/GÉNERO
graphiql-loading = Cargando GraphiQL…
graphiql-noscript = GraphiQL necesita JavaScript. La API responde a POST /graphql sin él.
graphiql-label-query = Editor de la consulta
graphiql-label-variables = Editor de variables
graphiql-label-headers = Editor de encabezados
graphiql-label-response = Respuesta
