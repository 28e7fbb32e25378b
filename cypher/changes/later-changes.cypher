// Applied changes after the one being reverted ($seq) that touched or linked any of its keys
// (through the change_keys fulltext index, as in applied-after.cypher).
UNWIND $keys AS key
WITH key, '"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"' AS term
CALL db.index.fulltext.queryNodes('change_keys', 'keys:' + term + ' OR mentions:' + term)
YIELD node AS c
WITH DISTINCT c
WHERE c.status = 'applied' AND c.seq > $seq AND any(key IN $keys WHERE key IN c.keys OR key IN c.mentions)
RETURN c.id AS id
ORDER BY c.seq
