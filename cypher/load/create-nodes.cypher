// The bulk path of merge-nodes.cypher, taken only when the graph holds no entity yet (a first
// load, the benchmark): CREATE skips MERGE's lookups; the slug constraints still guard at commit.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n = row.props
SET n.location = CASE WHEN row.location IS NULL THEN null
  ELSE point({latitude: row.location.latitude, longitude: row.location.longitude}) END
