// Last statement of an applied change's transaction: moves the graph's version on (the response
// cache follows) and stamps the change with it, as its order (seq). Last, so that the version
// counter, which every change writes, stays locked only from here to the commit.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.epoch = coalesce(v.epoch, randomUUID()), v.updatedAt = datetime()
WITH v
MATCH (c:Change {id: $id})
SET c.seq = v.version
RETURN v.version AS version
