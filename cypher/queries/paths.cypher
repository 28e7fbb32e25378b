// All shortest paths (at most 6 hops) between two entities, provenance links excepted.
// __FROM__ and __TO__ come from a fixed list of labels.
MATCH (a:__FROM__ {slug: $fromSlug}), (b:__TO__ {slug: $toSlug})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'SOURCED_FROM')
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {label: labels(n)[0], props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: labels(startNode(r))[0], fromSlug: startNode(r).slug,
                                 to: labels(endNode(r))[0], toSlug: endNode(r).slug, props: properties(r)}] AS relationships
