// Applied changes after a given one that changed any of these keys: what a revert or a stale update
// would overwrite. Through each key's node and its CHANGED links: only these keys' records are read.
// Only what a version check says of each (graph-reader.ts), not each record's input and effects: an
// entity edited a few hundred times would otherwise send them all, at every next edit.
// The hint: with few applied records the planner may start from the status index and read them all
// (it did on a fresh CI database); the key's index is the right start at every size.
UNWIND $keys AS key
MATCH (k:ChangeKey {key: key})<-[:CHANGED]-(c:Change {status: 'applied'})
USING INDEX k:ChangeKey(key)
WHERE c.seq > $seq
WITH DISTINCT c
RETURN c {.id, .author, .appliedAt, .seq, .fields} AS change, toString(c.createdAt) AS createdAt
ORDER BY c.seq
