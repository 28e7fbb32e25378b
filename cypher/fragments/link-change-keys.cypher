// Links the change record `c` to the keys in its lists: CHANGED to what it changed (c.keys), MENTIONED
// to the entities at the ends of a relationship it added or removed (c.mentions); and unlinks keys its
// lists no longer hold. No index answers `$key IN c.keys`, but the key nodes' unique constraint
// answers `(:ChangeKey {key: $key})`, so an entity's history reads its own records, not every one.
// Keys are merged in their order: two transactions linking the same keys lock them in the same order.
CALL (c) {
  MATCH (c)-[link:CHANGED|MENTIONED]->(k:ChangeKey)
  WHERE NOT k.key IN CASE type(link) WHEN 'CHANGED' THEN coalesce(c.keys, []) ELSE coalesce(c.mentions, []) END
  DELETE link
}
CALL (c) {
  WITH coalesce(c.keys, []) AS keys, coalesce(c.mentions, []) AS mentions
  UNWIND keys + mentions AS key
  WITH DISTINCT keys, mentions, key
  ORDER BY key
  MERGE (k:ChangeKey {key: key})
  FOREACH (_ IN CASE WHEN key IN keys THEN [1] ELSE [] END | MERGE (c)-[:CHANGED]->(k))
  FOREACH (_ IN CASE WHEN key IN mentions THEN [1] ELSE [] END | MERGE (c)-[:MENTIONED]->(k))
}
