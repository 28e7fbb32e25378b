// The bulk path of merge-relationships.cypher, for a graph with no entity yet: the plan has no
// duplicates (validated), so CREATE gives what MERGE would, without looking for what cannot exist.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
