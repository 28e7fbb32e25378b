// Change records concerning an entity ($key: what it changed, or a link it added or removed),
// newest first, with $status if given: through the change_keys fulltext index (keyword analyzer:
// one term per key, matched whole; " and \ escaped for Lucene's query syntax), then checked exactly.
WITH '"' + replace(replace($key, '\\', '\\\\'), '"', '\\"') + '"' AS term
CALL db.index.fulltext.queryNodes('change_keys', 'keys:' + term + ' OR mentions:' + term)
YIELD node AS c
WITH c
WHERE ($key IN c.keys OR $key IN c.mentions)
  AND ($status IS NULL OR c.status = $status)
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt DESC
LIMIT $limit
