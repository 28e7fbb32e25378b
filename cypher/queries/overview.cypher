// The first view of the alliance: the $limit most connected entities (provenance links aside) and
// the relationships among them, with the total, so the client can say when it shows a part.
// Degrees come from the degree store (COUNT of a single pattern), not from walking relationships.
// Ends with cypher/fragments/return-elements.cypher: the answer as JSON elements.
MATCH (n)
WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping
WITH n, COUNT { (n)--() } - COUNT { (n)-[:SOURCED_FROM]-() } AS degree
// A source document is shown when something links to it (credits), not merely because facts cite it.
WHERE NOT (n:Source AND degree = 0)
ORDER BY degree DESC, n.slug
WITH collect(n) AS ranked
WITH ranked[0..$limit] AS nodes, size(ranked) AS total
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'SOURCED_FROM' AND b IN nodes
  RETURN collect(r) AS rels
}
__RETURN_ELEMENTS__, total
