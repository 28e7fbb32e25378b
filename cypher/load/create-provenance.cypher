// The bulk path of merge-provenance.cypher, for a graph with no entity yet.
UNWIND $rows AS row
MATCH (n:__LABEL__ {slug: row.slug})
MATCH (s:Source {slug: row.source})
CREATE (n)-[p:SOURCED_FROM]->(s)
SET p = {fields: row.fields, quotes: row.quotes}
