// Whether an entity exists, to tell "no such entity" from "nothing found". __LABEL__ from a fixed list.
OPTIONAL MATCH (n:__LABEL__ {slug: $slug})
RETURN n IS NOT NULL AS exists
