// The change records (who, when, source, before and after), for the Cypher export: the history goes with the data.
MATCH (c:Change)
RETURN properties(c) AS props, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt
