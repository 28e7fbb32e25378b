// Records which source gave which properties of a node, with the sentences that state them.
UNWIND $rows AS row
MATCH (n:__LABEL__ {slug: row.slug})
MATCH (s:Source {slug: row.source})
MERGE (n)-[p:SOURCED_FROM]->(s)
SET p = {fields: row.fields, quotes: row.quotes}
