// Every load moves the graph's version on, in the same transaction: the API's response cache
// keys its answers by it, so that no instance serves an answer from before the load.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.epoch = coalesce(v.epoch, randomUUID()), v.updatedAt = datetime()
