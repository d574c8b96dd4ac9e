### English text of the network's tools
### (messages tool-<slug>; entities of schema/seeds/network.toml).

# The database holds these tools in English, their source language, so their English text
# comes from the database and needs no entry here. The Spanish translations of the English
# source text are in ../es/tools.ftl.
