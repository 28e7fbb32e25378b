// Change records by id, by status, or concerning an entity ($key: what it changed, or a link it
// added or removed), newest first.
MATCH (c:Change)
WHERE ($id IS NULL OR c.id = $id)
  AND ($status IS NULL OR c.status = $status)
  AND ($key IS NULL OR $key IN c.keys OR $key IN c.mentions)
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt DESC
LIMIT $limit
