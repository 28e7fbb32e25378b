// All shortest paths (at most 6 hops) between two entities, provenance links excepted.
// __FROM__ and __TO__ come from a fixed list of labels.
// Nodes and relationships come back as JSON text (see server/graphql/resolvers/elements.ts).
MATCH (a:__FROM__ {slug: $fromSlug}), (b:__TO__ {slug: $toSlug})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'SOURCED_FROM')
WITH p LIMIT $limit
RETURN apoc.convert.toJson([n IN nodes(p) | {label: labels(n)[0], props: properties(n)}]) AS nodes,
       apoc.convert.toJson([r IN relationships(p) | {type: type(r), from: labels(startNode(r))[0], fromSlug: startNode(r).slug,
                                 to: labels(endNode(r))[0], toSlug: endNode(r).slug, props: properties(r)}]) AS relationships
