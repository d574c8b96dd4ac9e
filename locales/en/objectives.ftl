### English text of the network's objectives
### (messages objective-<slug>; entities of schema/seeds/network.toml).

# The database holds these objectives in English, their source language, so their English text
# comes from the database and needs no entry here. The Spanish translations of the English
# source text are in ../es/objectives.ftl.
