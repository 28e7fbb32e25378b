// Creates an entity, or changes some of its properties: $patch holds only what differs from the
// state the change started from (null removes a property), so that a revert leaves alone what later
// changes set. A location travels apart, as a point.
MERGE (n:__LABEL__ {slug: $slug})
SET n += $patch
SET n.location = CASE WHEN NOT $setLocation THEN n.location
  WHEN $location IS NULL THEN null
  ELSE point({latitude: $location.latitude, longitude: $location.longitude}) END
