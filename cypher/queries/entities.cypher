// Given entities ($refs: [{label, slug}]), and the relationships among them (provenance aside).
// One branch per label keeps every lookup on a slug constraint's index.
// Nodes and relationships come back as JSON text (see server/graphql/resolvers/elements.ts).
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Territory {slug: ref.slug}) WHERE ref.label = 'Territory' RETURN n
  UNION MATCH (n:Ally {slug: ref.slug}) WHERE ref.label = 'Ally' RETURN n
  UNION MATCH (n:Initiative {slug: ref.slug}) WHERE ref.label = 'Initiative' RETURN n
  UNION MATCH (n:Person {slug: ref.slug}) WHERE ref.label = 'Person' RETURN n
  UNION MATCH (n:Cohort {slug: ref.slug}) WHERE ref.label = 'Cohort' RETURN n
  UNION MATCH (n:Theme {slug: ref.slug}) WHERE ref.label = 'Theme' RETURN n
  UNION MATCH (n:Source {slug: ref.slug}) WHERE ref.label = 'Source' RETURN n
}
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'SOURCED_FROM' AND b IN nodes
  RETURN collect(r) AS rels
}
RETURN apoc.convert.toJson([n IN nodes | {label: labels(n)[0], props: properties(n)}]) AS nodes,
       apoc.convert.toJson([r IN rels | {type: type(r), from: labels(startNode(r))[0], fromSlug: startNode(r).slug,
                     to: labels(endNode(r))[0], toSlug: endNode(r).slug, props: properties(r)}]) AS relationships
