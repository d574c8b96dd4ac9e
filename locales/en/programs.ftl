### English text of programs (messages program-<slug>; entities of schema/seeds/programs.toml).

# The database holds each program in its source language (source_language); every seeded
# program is English, so its English text comes from the database and needs no entry here.
# English messages are needed only for programs whose source language is Spanish. The Spanish
# translations of the English source text are in ../es/programs.ftl.
