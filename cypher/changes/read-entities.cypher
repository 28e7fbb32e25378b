// Entities of one label as they are now, many at once ($slugs), as read-entity.cypher reads one.
UNWIND $slugs AS wanted
MATCH (n:__LABEL__ {slug: wanted})
RETURN n.slug AS slug, properties(n) AS props,
       [(n)-[r]-(m) | {type: type(r), out: startNode(r) = n, label: labels(m)[0], slug: m.slug, props: properties(r)}] AS relationships
