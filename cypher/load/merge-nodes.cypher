// Writes one batch of nodes of one label. __LABEL__ is filled from the fixed list in seeds/model.ts:
// Cypher cannot take a label as a parameter and still use the slug constraint's index.
// SET n = row.props: the node ends with exactly the properties of the seed files (idempotent).
UNWIND $rows AS row
MERGE (n:__LABEL__ {slug: row.slug})
SET n = row.props
SET n.location = CASE WHEN row.location IS NULL THEN null
  ELSE point({latitude: row.location.latitude, longitude: row.location.longitude}) END
