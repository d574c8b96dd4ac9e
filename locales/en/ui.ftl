### Interface text in English: labels of enumerated values (`<enum>-<value>` in kebab case,
### schema/src/enums.rs), error messages (`error-<code>-<case>`) and sentences the API builds.

## OasStatus

oas-status-member-state = Member state
oas-status-observer-state = Observer state

## Subregion

subregion-caribbean = Caribbean
subregion-central-america = Central America
subregion-south-america = South America
subregion-north-america = North America
subregion-europe = Europe

## InstitutionKind

institution-kind-ministry-of-labor = Ministry of Labor
institution-kind-permanent-mission = Permanent mission
institution-kind-international-organization = International organization
institution-kind-consultative-body = Consultative body
institution-kind-technical-secretariat = Technical secretariat

## NetworkRole

network-role-focal-point = Focal point
network-role-delegate = Delegate
network-role-secretariat = Secretariat
network-role-observer = Observer

## ProgramStatus

program-status-draft = Draft
program-status-submitted = Submitted
program-status-published = Published
program-status-archived = Archived

## Language

language-en = English
language-es = Spanish

## DialogueFormat

dialogue-format-virtual = Virtual
dialogue-format-in-person = In person

## CooperationStatus

cooperation-status-selected = Selected
cooperation-status-underway = Underway
cooperation-status-completed = Completed

## DocumentKind

document-kind-study = Study
document-kind-manual = Manual
document-kind-glossary = Glossary
document-kind-conclusions = Conclusions
document-kind-agenda = Agenda
document-kind-course = Course
document-kind-repository = Repository
document-kind-proposal = Proposal
document-kind-foundational-document = Foundational document
document-kind-report = Report

## Search: the kind facet's value for programs (documents use DocumentKind above)

search-kind-program = Program

## SeatRole

seat-role-iacml-chair = Chair of the IACML
seat-role-wg1-chair = Chair of Working Group 1
seat-role-wg1-vice-chair = Vice-chair of Working Group 1
seat-role-elected-member = Elected member

## InterventionArea

intervention-area-training-professionalization = Training and professionalization
intervention-area-dissemination-awareness = Dissemination and awareness raising
intervention-area-inspection = Inspection
intervention-area-social-security-coverage = Social security coverage
intervention-area-alliances-social-actors = Alliances with social actors

## Errors
# Messages of errors; `extensions.code` stays the same in every language.
error-invalid-id = `{ $value }` is not a valid { $entity ->
        [Program] program
        [Country] country
        [Dialogue] dialogue
        [Document] document
        [Institution] institution
        [Member] member
        [Cooperation] cooperation
        [CommitteeSeat] committee seat
        [Theme] theme
       *[other] { $entity }
    } id
error-invalid-country-code = `{ $value }` is not an ISO 3166-1 alpha-2 country code
error-invalid-slug = `{ $value }` is not a slug (lower-case letters and digits in hyphen-separated words)
error-unknown-country = unknown country code `{ $value }`
error-unknown-theme = unknown theme slug `{ $value }`
error-unknown-institution = unknown institution id `{ $value }`
error-negative-page-size = `first` must not be negative
error-page-size-too-large = `first` must be at most { $max } (the maximum page size)
error-bad-cursor = `after` is not a cursor returned by this API
error-foreign-cursor = `after` is a cursor of another list or ordering
error-empty-text = `text` must not be empty
error-text-too-long = `text` must be at most { $max } characters
error-year-out-of-range = year { $year } is out of range (1900–2100)
error-reversed-years = `yearFrom` ({ $from }) is after `yearTo` ({ $to })
error-page-out-of-range = `page` must be between 1 and { $max }
error-hits-per-page-out-of-range = `hitsPerPage` must be between 0 and { $max }
error-query-too-long = `query` must be at most { $max } characters
error-search-unavailable = search is unavailable right now; every other query still works
error-query-too-deep = the query is nested too deep (at most { $max } levels)
error-query-too-complex = the query asks for too many fields (at most { $max })
error-too-many-aliases = the query has more than { $max } aliases
error-timeout = the request took longer than { $ms } ms and was stopped
error-request-too-large = the request body is larger than { $max } bytes
error-nesting-too-deep = the query nests brackets more than { $max } levels deep
error-fragment-cycle = fragment `{ $name }` spreads itself
error-query-too-costly = the answer could hold more than { $max } values: ask for smaller pages or fewer lists
error-nul-character = a text holds a NUL character (U+0000), which no text may contain
error-response-too-large = the answer is larger than { $max } bytes: ask for smaller pages or fewer fields
error-body-timeout = the request body did not arrive within { $ms } ms
error-unauthenticated = the access token is not valid (expired, revoked or malformed): log in again
error-sign-in-required = this needs an account: sign in (`login`) and send its token
error-invalid-credentials = unknown username or wrong password
error-login-throttled = too many failed logins: try again in { $minutes } minutes
error-not-found = { $entity ->
        [Program] program
        [Country] country
        [Dialogue] dialogue
        [Document] document
        [Institution] institution
        [Member] member
        [Cooperation] cooperation
        [CommitteeSeat] committee seat
        [Theme] theme
       *[other] { $entity }
    } `{ $key }` was not found
error-internal = internal error
error-database-unavailable = the database is unavailable or too busy right now: try again in a moment
error-forbidden = your account may not do this
error-invalid-transition = a program in status “{ $status ->
        [DRAFT] { program-status-draft }
        [SUBMITTED] { program-status-submitted }
        [PUBLISHED] { program-status-published }
        [ARCHIVED] { program-status-archived }
       *[other] { $status }
    }” { $action ->
        [edit] cannot be edited
        [submit] cannot be submitted
        [publish] cannot be published
        [return] cannot be returned
        [archive] cannot be archived
       *[other] cannot take this step
    }
error-invalid-fields = { $count ->
    [one] one field of the input is invalid (see `extensions.fields`)
   *[other] { $count } fields of the input are invalid (see `extensions.fields`)
}

## Problems with one field of a mutation's input (`extensions.fields[].message`)

field-required = is required
field-too-long = must be at most { $max } characters
field-out-of-range = must be between { $min } and { $max }
field-before-start = must not be before `{ $start }`
field-invalid-format = { $expected ->
    [slug] is not a slug (lower-case letters and digits in hyphen-separated words)
    [url] is not an http or https URL
    [email] is not an e-mail address
    [phone] is not a phone number (digits, spaces and + ( ) - .)
    [id] is not a valid id
   *[other] is not well-formed
}
field-unknown-reference = `{ $value }` does not exist
field-already-taken = `{ $value }` is already taken
field-invalid-reference = `{ $value }` cannot be used here
field-immutable = may not change once created (it is `{ $current }`)

## Sentences

# The participation line of a dialogue.
dialogue-participation-summary = { $count ->
    [one] One Ministry of Labor took part
   *[other] { $count } Ministries of Labor took part
}

# The participation line of a dialogue the documents count in governments (the 1st).
dialogue-participation-governments = { $count ->
    [one] Delegations of one government took part
   *[other] Delegations of { $count } governments took part
}

# Which of the network's objectives a statement is.
objective-kind-purpose = Purpose
objective-kind-general = General objective
objective-kind-specific = Specific objective

## The gateway's GraphiQL page (GET /graphql in a browser); GraphiQL's own controls stay English

graphiql-title = RIAL/GENDER GraphQL API
graphiql-loading = Loading GraphiQL…
graphiql-noscript = GraphiQL needs JavaScript. The API answers POST /graphql without it.
graphiql-label-query = Query editor
graphiql-label-variables = Variables editor
graphiql-label-headers = Headers editor
graphiql-label-response = Response
