// Deletes one relationship found by find-relationships.cypher.
MATCH ()-[r]->()
WHERE elementId(r) = $id
DELETE r
