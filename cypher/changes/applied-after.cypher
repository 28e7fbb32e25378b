// Applied changes after a given one that touched any of these keys: what a revert or a stale update
// would overwrite. No index answers membership in a list property, so this reads every applied
// change record (a fulltext index on the keys was tried and left out: see the README, issue 19).
// Only what a version check says of each (graph-reader.ts), not each record's input and effects: an
// entity edited a few hundred times would otherwise send them all, at every next edit.
MATCH (c:Change {status: 'applied'})
WHERE c.seq > $seq AND any(key IN c.keys WHERE key IN $keys)
RETURN c {.id, .author, .appliedAt, .seq, .fields} AS change, toString(c.createdAt) AS createdAt
ORDER BY c.seq
