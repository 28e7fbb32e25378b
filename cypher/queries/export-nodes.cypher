// Every node of the graph, for the exports: its label and all its properties.
MATCH (n)
WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping // system nodes (server/auth, seeds/changes): no part of the alliance
RETURN labels(n)[0] AS label, properties(n) AS props,
  // The driver reads a whole float (12.0) as 12: the exports need to know which were floats.
  [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'FLOAT' OR valueType(n[k]) STARTS WITH 'LIST<FLOAT'] AS floats
ORDER BY label, n.slug
