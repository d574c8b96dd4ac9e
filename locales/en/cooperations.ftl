### English text of bilateral cooperations (messages cooperation-<slug>; entities of
### schema/seeds/cooperations.toml).

# The database holds these cooperations in English, their source language, so their English
# text comes from the database and needs no entry here. English messages are needed only for
# entities whose source language is Spanish. The Spanish translations of the English source
# text are in ../es/cooperations.ftl.
