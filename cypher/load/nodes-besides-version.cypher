// Before npm run seed -- --bulk: how many nodes the database holds besides the version counter
// (entities, accounts, change records): neo4j-admin import would replace them all.
MATCH (n) WHERE NOT n:GraphVersion
RETURN count(n) AS count
