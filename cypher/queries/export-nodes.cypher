// Every node of the graph, for the exports: its label and all its properties.
MATCH (n)
WHERE NOT n:GraphVersion|Account|Change // system nodes (server/auth, seeds/changes): no part of the alliance
RETURN labels(n)[0] AS label, properties(n) AS props
ORDER BY label, n.slug
