// Applied changes after the one being reverted ($seq) that touched or linked any of its keys.
MATCH (c:Change {status: 'applied'})
WHERE c.seq > $seq AND any(key IN $keys WHERE key IN c.keys OR key IN c.mentions)
RETURN c.id AS id
ORDER BY c.seq
