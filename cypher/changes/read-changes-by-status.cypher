// Change records of one status (the change_status index), newest first: the review queue.
MATCH (c:Change {status: $status})
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
ORDER BY c.createdAt DESC
LIMIT $limit
