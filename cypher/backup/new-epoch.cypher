// After a restore: the graph's version moves on under a new epoch, so that no API instance answers
// from a cache filled before (the restored counter may repeat a number it has already seen).
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.epoch = randomUUID(), v.updatedAt = datetime()
