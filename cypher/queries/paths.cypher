// All shortest paths (at most 6 hops) between two entities, provenance links excepted.
// __FROM__ and __TO__ come from a fixed list of labels.
// Ends with cypher/fragments/return-elements.cypher: the answer as JSON elements.
MATCH (a:__FROM__ {slug: $fromSlug}), (b:__TO__ {slug: $toSlug})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'SOURCED_FROM')
WITH p LIMIT $limit
WITH nodes(p) AS nodes, relationships(p) AS rels
__RETURN_ELEMENTS__
