// Given entities ($refs: [{label, slug}]), and the relationships among them (provenance aside).
// One branch per label of the model (cypher/fragments/entity-by-ref.cypher) keeps every lookup on a slug index.
// Ends with cypher/fragments/return-elements.cypher: the answer as JSON elements.
UNWIND $refs AS ref
CALL (ref) {
  __ENTITY_BY_REF__
}
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'SOURCED_FROM' AND b IN nodes
  RETURN collect(r) AS rels
}
__RETURN_ELEMENTS__
