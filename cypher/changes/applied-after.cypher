// Applied changes after a given one that touched any of these keys: what a revert or a stale update
// would overwrite. Found through the change_keys fulltext index (keyword analyzer: one term per key,
// matched whole; a key's " and \ escaped for Lucene's query syntax), one query per key (no limit on
// how many keys), then checked exactly: no index answers membership in a list property otherwise.
// Only what a version check says of each (graph-reader.ts), not each record's input and effects: an
// entity edited a few hundred times would otherwise send them all, at every next edit.
UNWIND $keys AS key
CALL db.index.fulltext.queryNodes('change_keys', 'keys:"' + replace(replace(key, '\\', '\\\\'), '"', '\\"') + '"')
YIELD node AS c
WITH DISTINCT c
WHERE c.status = 'applied' AND c.seq > $seq AND any(key IN c.keys WHERE key IN $keys)
RETURN c {.id, .author, .appliedAt, .seq, .fields} AS change, toString(c.createdAt) AS createdAt
ORDER BY c.seq
