// Every relationship of the graph, provenance links included, for the exports; not the change records'
// links to their keys (system nodes, like those export-nodes.cypher leaves out).
MATCH (a)-[r]->(b)
WHERE NOT a:GraphVersion|Account|Change|ChangeKey|ImportMapping
RETURN type(r) AS type, labels(a)[0] AS fromLabel, a.slug AS fromSlug, labels(b)[0] AS toLabel, b.slug AS toSlug, properties(r) AS props,
  [k IN keys(r) WHERE valueType(r[k]) STARTS WITH 'FLOAT' OR valueType(r[k]) STARTS WITH 'LIST<FLOAT'] AS floats
ORDER BY type, fromLabel, fromSlug, toLabel, toSlug
