// One relationship, with its properties, its provenance and the change that made it ($props.change).
MATCH (a:__FROM__ {slug: $from})
MATCH (b:__TO__ {slug: $to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = $props
