// First statement of a change's transaction: Neo4j's write locks on the entities it names ($refs,
// sorted by key: two changes lock shared entities in the same order), held until the commit, so that
// changes of different entities apply side by side and changes of the same one, one after the other
// (seeds/changes/entity-locks.ts). One slug-index lookup per ref; refs that name nothing lock nothing.
UNWIND $refs AS ref
CALL (ref) {
  __ENTITY_BY_REF__
}
WITH collect(n) AS nodes
CALL apoc.lock.nodes(nodes)
RETURN size(nodes) AS locked
