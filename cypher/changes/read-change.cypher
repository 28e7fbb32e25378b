// One change record by its id (the change_id constraint's index).
MATCH (c:Change {id: $id})
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
