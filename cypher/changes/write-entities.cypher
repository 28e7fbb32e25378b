// Entities a change creates, many at once ($rows: [{slug, patch, location}]): an import's thousands
// of rows in a few round trips. CREATE, not MERGE: the change planned them as absent, so if another
// change created one meanwhile the slug constraint refuses this one (the service plans it again,
// and the plan then says the entity exists) instead of writing over what the other one made.
UNWIND $rows AS row
CREATE (n:__LABEL__ {slug: row.slug})
SET n += row.patch
SET n.location = CASE WHEN row.location IS NULL THEN n.location
  ELSE point({latitude: row.location.latitude, longitude: row.location.longitude}) END
