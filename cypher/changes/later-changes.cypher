// Applied changes after the one being reverted ($seq) that changed or linked any of its keys.
UNWIND $keys AS key
MATCH (:ChangeKey {key: key})<-[:CHANGED|MENTIONED]-(c:Change {status: 'applied'})
WHERE c.seq > $seq
WITH DISTINCT c
RETURN c.id AS id
ORDER BY c.seq
