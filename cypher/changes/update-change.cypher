// Moves a change on: accepted (applied), rejected, reverted…
MATCH (c:Change {id: $id})
SET c += $set
RETURN c.id AS id
