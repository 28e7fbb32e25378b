// An entity's own properties, without its relationships: what checking a change's source needs (a
// source cited by thousands of rows would otherwise be read whole, citations and all, by each change citing it).
MATCH (n:__LABEL__ {slug: $slug})
RETURN properties(n) AS props
