### English text of the documents of the Documentation Center (messages document-<slug>;
### entities of schema/seeds/documents.toml).

# The database holds these documents in English, their source language, so their English text
# comes from the database and needs no entry here. This is so even for documents published in
# Spanish (their `languages` field): the seed text describing them is English. English messages
# are needed only for entities whose source language is Spanish. The Spanish translations of
# the English source text are in ../es/documents.ftl.
