// Change records concerning an entity ($key: what it changed, or a link it added or removed),
// newest first, with $status if given: through the key's node (its unique index) and its links, so
// only that entity's records are read (cypher/fragments/link-change-keys.cypher).
// The hint, as in applied-after.cypher: the key's index at every size, whatever the statistics say.
MATCH (k:ChangeKey {key: $key})<-[:CHANGED|MENTIONED]-(c:Change)
USING INDEX k:ChangeKey(key)
WHERE $status IS NULL OR c.status = $status
WITH DISTINCT c
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt DESC
LIMIT $limit
