// An entity as it is now, with every relationship it has (provenance links included): the
// "before" of a change, and what a deletion must be able to restore.
MATCH (n:__LABEL__ {slug: $slug})
RETURN properties(n) AS props,
       [(n)-[r]-(m) | {type: type(r), out: startNode(r) = n, label: labels(m)[0], slug: m.slug, props: properties(r)}] AS relationships
