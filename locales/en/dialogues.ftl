### English text of the Hemispheric Dialogues on Gender among Ministries of Labor (messages
### dialogue-<number>; entities of schema/seeds/dialogues.toml).

# The database holds these dialogues in English, their source language, so their English
# text comes from the database and needs no entry here. English messages are needed only for
# entities whose source language is Spanish. The Spanish translations of the English source
# text are in ../es/dialogues.ftl.
