// Deletes one entity and its relationships (the change record keeps them, for a revert).
MATCH (n:__LABEL__ {slug: $slug})
DETACH DELETE n
