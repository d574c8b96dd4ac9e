### English text of the actions of the Repository of Actions on Paid Domestic Work
### (messages action-<slug>; entities of schema/seeds/domestic_work_actions.toml).

# The database holds these actions in English, their source language, so their English text
# comes from the database and needs no entry here. English messages are needed only for
# entities whose source language is Spanish. The Spanish translations of the English source
# text are in ../es/actions.ftl.
