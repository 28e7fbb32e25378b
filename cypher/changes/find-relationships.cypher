// The relationships of one type between two entities, with their properties, to find the one a
// change names by its key (ACCOMPANIED's season).
MATCH (a:__FROM__ {slug: $from})-[r:__TYPE__]->(b:__TO__ {slug: $to})
RETURN elementId(r) AS id, properties(r) AS props
