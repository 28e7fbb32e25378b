// Applied changes after the one being reverted ($seq) that changed or linked any of its keys.
// The hint, as in applied-after.cypher: the key's index at every size, whatever the statistics say.
UNWIND $keys AS key
MATCH (k:ChangeKey {key: key})<-[:CHANGED|MENTIONED]-(c:Change {status: 'applied'})
USING INDEX k:ChangeKey(key)
WHERE c.seq > $seq
WITH DISTINCT c
RETURN c.id AS id
ORDER BY c.seq
