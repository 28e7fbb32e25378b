// An entity and what lies within $depth hops (1 to 3), provenance links (SOURCED_FROM) excepted:
// up to $firstHop relationships of the entity itself, then at most $perNode from each node reached
// (LIMIT inside a per-node subquery stops the expansion of a hub territory early; the page expands
// further on demand), at most $limit nodes in all. __LABEL__ comes from a fixed list.
// Ends with cypher/fragments/return-elements.cypher: the answer as JSON elements.
// OPTIONAL CALL: an entity whose only link is its provenance (an import brings such) still has a row,
// and its neighbourhood is itself.
MATCH (center:__LABEL__ {slug: $slug})
OPTIONAL CALL (center) {
  MATCH (center)-[r1]-(n1)
  WHERE type(r1) <> 'SOURCED_FROM'
  RETURN r1, n1
  LIMIT $firstHop
}
WITH center, collect(r1) AS first, collect(n1) AS near
CALL (near) {
  UNWIND near AS n1
  CALL (n1) {
    WITH n1 WHERE $depth >= 2
    MATCH (n1)-[r2]-(n2)
    WHERE type(r2) <> 'SOURCED_FROM'
    RETURN r2, n2
    LIMIT $perNode
  }
  RETURN collect(r2) AS second, collect(DISTINCT n2) AS further
}
CALL (further) {
  UNWIND further AS n2
  CALL (n2) {
    WITH n2 WHERE $depth >= 3
    MATCH (n2)-[r3]-(n3)
    WHERE type(r3) <> 'SOURCED_FROM'
    RETURN r3
    LIMIT $perNode
  }
  RETURN collect(r3) AS third
}
WITH center, first + second + third AS relationships
UNWIND [center] + [r IN relationships | startNode(r)] + [r IN relationships | endNode(r)] AS n
WITH relationships AS rels, collect(DISTINCT n)[0..$limit] AS nodes
__RETURN_ELEMENTS__
