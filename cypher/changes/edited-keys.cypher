// Everything applied changes touched (entity and relationship keys): the seed loader leaves them as
// the changes made them.
MATCH (c:Change {status: 'applied'})
UNWIND c.keys AS key
RETURN collect(DISTINCT key) AS keys
