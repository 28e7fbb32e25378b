// An entity and everything within $depth hops, provenance links excepted ($relationshipFilter lists
// the other relationship types), at most $limit nodes. __LABEL__ comes from a fixed list.
MATCH (center:__LABEL__ {slug: $slug})
CALL apoc.path.subgraphAll(center, {maxLevel: $depth, relationshipFilter: $relationshipFilter, limit: $limit})
YIELD nodes, relationships
RETURN [n IN nodes | {label: labels(n)[0], props: properties(n)}] AS nodes,
       [r IN relationships | {type: type(r), from: labels(startNode(r))[0], fromSlug: startNode(r).slug,
                              to: labels(endNode(r))[0], toSlug: endNode(r).slug, props: properties(r)}] AS relationships
