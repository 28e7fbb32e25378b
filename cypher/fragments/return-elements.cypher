// The end of every query that answers with graph elements (overview, entities, neighbourhood, paths):
// its `nodes` and `rels` as JSON text, the shape server/graphql/resolvers/elements.ts reads. JSON built by
// apoc.convert.toJson, because neo4j-driver 6 decodes a few hundred nested property maps ~13 times slower
// than JSON.parse reads the same text (measured by npm run bench, neighbourhood depth 2).
RETURN apoc.convert.toJson([n IN nodes | {label: labels(n)[0], props: properties(n)}]) AS nodes,
       apoc.convert.toJson([r IN rels | {type: type(r), from: labels(startNode(r))[0], fromSlug: startNode(r).slug,
                                         to: labels(endNode(r))[0], toSlug: endNode(r).slug, props: properties(r)}]) AS relationships
