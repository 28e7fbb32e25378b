// Applied changes after a given one that touched any of these keys: what a revert or a stale update
// would overwrite.
MATCH (c:Change {status: 'applied'})
WHERE c.seq > $seq AND any(key IN c.keys WHERE key IN $keys)
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.seq
