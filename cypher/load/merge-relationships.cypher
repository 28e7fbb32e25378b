// Writes one batch of relationships of one type between two labels (filled from seeds/model.ts).
// __KEY__ holds the properties that tell two relationships of this type apart, e.g. {season: row.props.season}.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
MERGE (a)-[r:__TYPE__ __KEY__]->(b)
SET r = row.props
