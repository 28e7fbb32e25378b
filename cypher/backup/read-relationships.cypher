// Every relationship, its ends by element id (mapped to the backup's own node numbers), with types.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props, [k IN keys(r) | [k, valueType(r[k])]] AS types
