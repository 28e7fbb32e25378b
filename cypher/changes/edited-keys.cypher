// Everything applied changes touched (entity and relationship keys): the seed loader leaves them as
// the changes made them.
MATCH (k:ChangeKey)
WHERE EXISTS { (k)<-[:CHANGED]-(:Change {status: 'applied'}) }
RETURN collect(k.key) AS keys
