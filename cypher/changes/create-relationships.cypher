// Relationships a change creates, many at once ($rows: [{from, to, props}]), as create-relationship.cypher
// creates one; the count of created ones tells the caller if an end was missing.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
