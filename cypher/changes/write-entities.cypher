// Entities a change creates, many at once ($rows: [{slug, patch, location}]), as write-entity.cypher
// writes one: an import's thousands of rows in a few round trips.
UNWIND $rows AS row
MERGE (n:__LABEL__ {slug: row.slug})
SET n += row.patch
SET n.location = CASE WHEN row.location IS NULL THEN n.location
  ELSE point({latitude: row.location.latitude, longitude: row.location.longitude}) END
