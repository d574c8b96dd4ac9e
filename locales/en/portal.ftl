### The portal's interface text in English (web/). Every id starts with `portal-`; the
### same ids, with the same variables, are in locales/es/portal.ftl.

portal-network-short = GENDER
portal-tagline = Gender focal points of the Ministries of Labor of the Americas
portal-skip = Skip to main content
portal-nav-label = Main menu
portal-nav-home = Home
portal-nav-search = Search
portal-footer = RIAL/GENDER, the network of gender focal points of the Inter-American Network for Labor Administration (RIAL), Organization of American States.

## Home

portal-home-title = The network of gender focal points in the Ministries of Labor
portal-home-lead = RIAL/GENDER is a specialized community of practice of the Inter-American Network for Labor Administration (RIAL) of the OAS. It brings together the gender units and areas of the Ministries of Labor of the Americas, and was formally launched at the 4th Hemispheric Dialogue on 15 March 2022.
portal-home-purpose = Its purpose is to contribute to full gender equality in the world of work by strengthening the gender units of the Ministries: sharing programs, experiences and lessons learned, holding hemispheric dialogues and arranging bilateral cooperation.
portal-home-themes = Areas of action
portal-home-programs = Latest programs
portal-home-all-programs = { $count ->
    [one] The program of the Portfolio
   *[other] All { $count } programs of the Portfolio
}
portal-home-documents = Latest documents
portal-home-all-documents = { $count ->
    [one] The document of the Documentation Center
   *[other] All { $count } documents of the Documentation Center
}
portal-untranslated = Not yet translated

## Search

portal-search-title = Search programs and documents
portal-search-label = Search programs and documents
portal-search-button = Search
portal-sort-label = Sort by
portal-sort-relevance = Best match
portal-sort-newest = Newest first
portal-sort-oldest = Oldest first
portal-sort-title = Title (A–Z)
portal-search-count = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
portal-search-nothing = Nothing matches this search. Try other words, or remove a filter.
portal-search-refine = Refine
portal-search-filters = Your filters
portal-search-remove = Remove
portal-search-clear = Clear all filters
portal-search-selected = selected
portal-search-start-over = Start a new search
portal-search-unavailable-title = Search is unavailable
portal-search-unavailable = The search engine is not answering right now. Please try again in a few minutes; meanwhile, the rest of the portal works.
portal-facet-themes = Area of action
portal-facet-countries = Country
portal-facet-kinds = Kind
portal-facet-years = Year
portal-kind-program = Program
portal-pages-label = Pages of results
portal-pages-previous = Previous
portal-pages-next = Next
portal-pages-page = Page { $page }

## Bad search parameters

portal-bad-title = This search cannot be run
portal-bad-page = The page number must be a whole number from 1 to 1000.
portal-bad-year = The year must be a year such as 2021.
portal-bad-sort = Unknown order: choose one from the list.
portal-bad-kind = Unknown kind of entry.
portal-bad-theme = Unknown area of action.
portal-bad-country = A country is given by its two-letter code, such as UY.

## Program

portal-program-portfolio = Portfolio of Programs
portal-program-country = Country
portal-program-institution = Institution
portal-program-years = Years
portal-program-since = Since { $year }
portal-program-years-unknown = Not recorded
portal-program-evaluated = Evaluated
portal-program-status = Status
portal-program-themes = Areas of action
portal-program-summary = Summary
portal-program-objectives = Objectives
portal-program-results = Results
portal-program-lessons = Lessons learned
portal-program-evaluation = Evaluation
portal-untranslated-from-es = This program has not been translated yet: it is shown in Spanish, the language it was written in.
portal-untranslated-from-en = This program has not been translated yet: it is shown in English, the language it was written in.
portal-yes = Yes
portal-no = No

## Errors

portal-error-status = Error { $status }
portal-error-home = Go to the home page
portal-error-search = Search programs and documents
portal-error-400-title = This request cannot be understood
portal-error-400 = Something in the address is not valid.
portal-error-404-title = Page not found
portal-error-404 = There is no page at this address. It may have moved, or the address may be mistyped.
portal-error-405-title = Not allowed
portal-error-405 = This page can only be read.
portal-error-502-title = Unexpected answer
portal-error-502 = The data service gave an answer the portal could not use. Please try again later.
portal-error-503-title = Service unavailable
portal-error-503 = The portal cannot reach the network's data service right now. Please try again in a few minutes.

## Menu and lists

portal-nav-dialogues = Dialogues
portal-nav-countries = Countries
portal-none = None recorded yet.
portal-language-en = English
portal-language-es = Spanish

## Document

portal-document-kind = Kind
portal-document-date = Published
portal-document-languages = Available in
portal-document-dialogue = Dialogue
portal-document-cooperation = Bilateral cooperation
portal-document-countries = Countries
portal-document-read = Read the document
portal-document-contents = Contents

## Countries

portal-countries-title = Countries
portal-countries-lead = The member states and observers of the OAS in the network, with what each Ministry of Labor shares.
portal-country-search = Programs and documents of { $country }
portal-country-institutions = Institutions
portal-country-programs = Programs
portal-country-dialogues = Hemispheric dialogues it took part in
portal-country-observed-dialogues = Hemispheric dialogues it attended as an observer state
portal-country-cooperations = Bilateral cooperation
portal-cooperation-between = { $provider } advising { $requester }
portal-country-seats = Seats on the Steering Committee
portal-country-documents = Documents
portal-country-actions = Actions on paid domestic work

## Dialogues

portal-dialogues-title = Hemispheric dialogues
portal-dialogues-lead = The hemispheric dialogues between the gender units and areas of the Ministries of Labor of the Americas. The network was formally launched at the 4th, on 15 March 2022.
portal-dialogue-date = Date
portal-dialogue-format = Format
portal-dialogue-participation = Participation
portal-dialogue-event = Event page
portal-dialogue-conclusions = Conclusions
portal-dialogue-recommendations = Recommendations
portal-dialogue-next-steps = Next steps
portal-dialogue-participants = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}
portal-dialogue-organizations = International organizations

## Dates

portal-date = { $day } { $month } { $year }
portal-month-1 = January
portal-month-2 = February
portal-month-3 = March
portal-month-4 = April
portal-month-5 = May
portal-month-6 = June
portal-month-7 = July
portal-month-8 = August
portal-month-9 = September
portal-month-10 = October
portal-month-11 = November
portal-month-12 = December

## Documentation Center and Steering Committee

portal-nav-documents = Documents
portal-documents-title = Documentation Center
portal-documents-lead = Studies, manuals, conclusions of the dialogues, courses and the network's founding texts, by title.
portal-documents-all-kinds = All kinds
portal-documents-show = Show
portal-documents-count = { $count ->
    [0] No documents
    [one] 1 document
   *[other] { $count } documents
}
portal-bad-cursor = This page of the list no longer exists; start again from the first page.
portal-pages-first = First page
portal-committee-title = Steering Committee
portal-committee-lead = Four Ministries of Labor guide the work of the network and define its annual plans of action; one seat is always held by the Chair of the Inter-American Conference of Ministers of Labor (IACML).
portal-committee-role = Seat
portal-committee-term = Term

## Bilateral cooperation and the Repository of Actions on Paid Domestic Work

portal-cooperations-title = Bilateral cooperation
portal-cooperations-lead = Technical advice between Ministries of Labor, arranged through the RIAL's calls for bilateral cooperation: who advised whom, on what, and with what outcome.
portal-cooperation-call = Call { $number }
portal-domestic-work-title = Repository of Actions on Paid Domestic Work
portal-domestic-work-lead = What the Ministries of Labor of the region have done to dignify and formalize paid domestic work and to guarantee the full exercise of rights, country by country.
portal-domestic-work-search = Programs and documents on domestic work

## Atom feed

portal-feed-title = New programs and documents
portal-feed-subtitle = Programs of the Portfolio and documents of the Documentation Center, newest first.
portal-feed-link = News feed (Atom)

## The signed-in portal: focal points and the Technical Secretariat

portal-error-403-title = Not allowed
portal-error-403 = Your account may not see this page or make this change, or the form did not come from this portal's own page. Nothing was changed.
portal-error-409-title = Not possible now
portal-error-409 = This cannot be done in the program's current state. Nothing was changed.
portal-error-413-title = Too much text
portal-error-413 = The form sent more text than the portal accepts. Nothing was changed.
portal-account-nav = Your account
portal-sign-in-link = Sign in
portal-sign-in-title = Sign in
portal-sign-in-lead = For focal points of the network and the Technical Secretariat: sign in with the username and password you were given.
portal-sign-in-username = Username
portal-sign-in-password = Password
portal-sign-in-button = Sign in
portal-sign-out = Sign out
portal-signed-in-as = Signed in as { $name }
portal-my-programs-title = My programs
portal-my-programs-none = Your institution has no programs in the Portfolio yet.
portal-my-comment = Comment from the Technical Secretariat:
portal-my-edit = Edit
portal-my-submit = Submit for review
portal-my-submitted = “{ $title }” was sent to the Technical Secretariat for review.
portal-my-saved = “{ $title }” was saved.
portal-step-created = Created on { $date }
portal-step-returned = Returned for changes on { $date }
portal-step-submitted = Submitted for review on { $date }
portal-step-published = Published on { $date }
portal-step-archived = Archived on { $date }
portal-status-created = Created as a draft
portal-status-draft = Draft
portal-status-submitted = Submitted
portal-status-published = Published
portal-status-archived = Archived
portal-history-step = { $from } → { $to }
portal-history-what = Step
portal-history-when = Date
portal-history-who = By
portal-history-comment = Comment
portal-role-secretariat = Technical Secretariat
portal-role-member = Focal point
portal-program-new-title = New program
portal-program-edit-title = Edit program
portal-program-not-draft = Only a draft can be edited. This program is with the Technical Secretariat, or already published.
portal-program-submit-hint = When the program is ready, submit it: the Technical Secretariat will review it, and publish it or return it with comments.
portal-field-title = Title
portal-field-summary = Summary
portal-field-evaluated = Has the program been evaluated?
portal-field-start-year = Start year
portal-field-end-year = End year
portal-field-source-language = Language the texts are written in
portal-field-themes = Areas of action
portal-field-year = Enter a year as four digits, e.g. 2021.
portal-field-email = Email
portal-field-phone = Phone
portal-hint-title = At most 300 characters.
portal-hint-year = Four digits, e.g. 2021. Leave blank if not known.
portal-hint-end-year = Leave blank while the program is running.
portal-hint-phone = With the country code, e.g. +598 2915 2020.
portal-hint-comment = Required to return the program: say what should change.
portal-form-problems = { $count ->
    [one] There is 1 problem with this form
   *[other] There are { $count } problems with this form
}
portal-form-required = (required)
portal-form-save = Save
portal-contact-title = My contact details
portal-contact-saved = Your contact details were saved.
portal-review-title = Review queue
portal-review-count = { $count ->
    [0] No programs are waiting for review
    [one] 1 program is waiting for review
   *[other] { $count } programs are waiting for review
}
portal-review-published = The program was published.
portal-review-returned = The program was returned to its focal point with your comment.
portal-review-institution = Institution
portal-review-submitted = Submitted
portal-review-submitted-by = Submitted by
portal-review-history = History
portal-review-decision = Decision
portal-review-publish = Publish
portal-review-return = Return with comment
portal-review-comment = Comment for the focal point
portal-directory-title = Membership database
portal-directory-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
portal-directory-saved = The member was saved.
portal-member-new-title = New member
portal-member-edit-title = Edit member
portal-member-inactive = former member
portal-field-slug = Key
portal-hint-slug = Lowercase letters, digits and hyphens, e.g. patricia-saenz. It cannot be changed later.
portal-field-full-name = Full name
portal-field-position = Title or position
portal-field-institution = Institution
portal-field-country = Country
portal-hint-country = If not chosen, the institution's country.
portal-country-of-institution = The institution's country
portal-field-network-role = Role in the network
portal-field-active = Is the person a current member of the network?
portal-answer-not-stated = Not stated
portal-choose = Choose…
portal-network-role-focal-point = Focal point
portal-network-role-delegate = Delegate
portal-network-role-secretariat = Technical Secretariat
portal-network-role-observer = Observer
portal-institutions-title = Institutions
portal-institutions-count = { $count ->
    [one] 1 institution
   *[other] { $count } institutions
}
portal-institution-saved = The institution was saved.
portal-institution-new-title = New institution
portal-institution-edit-title = Edit institution
portal-hint-institution-slug = Lowercase letters, digits and hyphens, e.g. mol-uy. It cannot be changed later.
portal-hint-institution-country = None for an international organization.
portal-no-country = None (international organization)
portal-field-official-name = Official name
portal-field-acronym = Acronym
portal-field-institution-kind = Kind of institution
portal-institution-kind-ministry = Ministry of Labor
portal-institution-kind-mission = Permanent Mission to the OAS
portal-institution-kind-international = International organization
portal-institution-kind-consultative = Consultative body
portal-institution-kind-secretariat = Technical Secretariat

## The Secretariat's membership database: its sections, documents, dialogues,
## cooperations and Steering Committee seats

portal-directory-sections = Sections of the membership database
portal-members-title = Members
portal-field-date = Enter a date as year-month-day, e.g. 2022-03-15.
portal-field-number = Enter a whole number, e.g. 4.
portal-field-url = Web address
portal-hint-url = A full address starting with https://
portal-hint-date = Year-month-day, e.g. 2022-03-15.
portal-hint-year-required = Four digits, e.g. 2021.
portal-none-chosen = None
portal-texts-in-english = The texts are kept in English, the language they are recorded in; their Spanish translation is written in the locale files (see Translations).
portal-document-new-title = New document
portal-document-edit-title = Edit document
portal-document-saved = The document was saved.
portal-hint-document-slug = Lowercase letters, digits and hyphens, e.g. care-study-2023. Used in the document's address; it cannot be changed later.
portal-field-year-published = Year of publication
portal-hint-languages = At least one.
portal-hint-document-countries = The countries the document is about.
portal-dialogues-count = { $count ->
    [one] 1 dialogue
   *[other] { $count } dialogues
}
portal-dialogue-new-title = New dialogue
portal-dialogue-edit-title = Edit dialogue
portal-dialogue-saved = The dialogue was saved.
portal-field-dialogue-number = Number of the dialogue
portal-hint-dialogue-number = 1 for the 1st dialogue. It cannot be changed later.
portal-field-ministries-count = Ministries of Labor that took part
portal-field-governments-count = Governments that took part
portal-hint-governments-count = Only where the documents count governments rather than Ministries.
portal-field-dialogue-countries = Countries whose Ministries took part
portal-cooperations-count = { $count ->
    [one] 1 cooperation
   *[other] { $count } cooperations
}
portal-cooperation-new-title = New cooperation
portal-cooperation-edit-title = Edit cooperation
portal-cooperation-saved = The cooperation was saved.
portal-hint-cooperation-slug = Lowercase letters, digits and hyphens, e.g. uy-ar-care-2023. It cannot be changed later.
portal-field-topic = Topic
portal-field-call = Number of the call
portal-hint-call = The RIAL call for bilateral cooperation it was selected in.
portal-field-call-year = Year of the call
portal-field-requesting-country = Country receiving the advice
portal-field-requesting-institution = Institution receiving the advice
portal-field-providing-country = Country providing the advice
portal-field-providing-institution = Institution providing the advice
portal-field-cooperation-status = Progress
portal-hint-cooperation-status = A new cooperation is “Selected” unless chosen otherwise.
portal-status-not-chosen = Not chosen
portal-field-outcome = Outcome, or expected outcome
portal-seats-count = { $count ->
    [one] 1 seat
   *[other] { $count } seats
}
portal-seat-new-title = New seat
portal-seat-edit-title = Edit seat
portal-seat-saved = The seat was saved.
portal-seat-deleted = The seat was removed.
portal-field-ministry = Ministry holding the seat
portal-field-term-start = First year of the term
portal-field-term-end = Last year of the term
portal-hint-term-end = Leave blank for a permanent seat.
portal-field-office-term-start = First year of the office that gives the seat
portal-hint-office-term = The IACML or Working Group office, where there is one.
portal-field-office-term-end = Last year of that office
portal-seat-delete-link = Remove this seat…
portal-seat-delete-title = Remove a seat
portal-seat-delete-warning = The seat will be removed from the Steering Committee, here and on the public page. This cannot be undone.
portal-seat-delete-button = Remove the seat
portal-seat-delete-cancel = Keep it, back to the seat

## The Secretariat's translation status (/translations)

portal-translations-title = Translations
portal-translations-intro = What is translated, per language and kind of entry, and what a translator must write: each untranslated entry with its source text, message id and locale file, and each translation whose source text changed since (stale). The same as the commands “gateway i18n coverage” and “gateway i18n missing”; the translator's guide is locales/README.md.
portal-translations-coverage = Coverage per locale file
portal-translations-file = Locale file
portal-translations-entries = Entries to translate
portal-translations-translated = Translated
portal-translations-stale = Stale fields
portal-translations-complete = complete
portal-translations-stub = { $language ->
    [es] To write in Spanish
   *[en] To write in English
}
portal-translations-nothing = Nothing to translate or revise.
