// Change records concerning an entity ($key: what it changed, or a link it added or removed),
// newest first, with $status if given. No index answers membership in a list property: this reads
// every change record (read-change.cypher and read-changes-by-status.cypher do not).
MATCH (c:Change)
WHERE ($key IN c.keys OR $key IN c.mentions)
  AND ($status IS NULL OR c.status = $status)
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt DESC
LIMIT $limit
