// Every node, system nodes included (accounts, change records, the graph's version), with each
// property's Cypher type: a backup restores the same types (a whole FLOAT stays a FLOAT).
MATCH (n)
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props, [k IN keys(n) | [k, valueType(n[k])]] AS types
