// First statement of every change's transaction: moves the graph's version on (the response cache
// follows) and holds its write lock until the commit, so that changes apply one at a time and each
// checks the versions it names against what the one before it committed. The new version orders them.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.epoch = coalesce(v.epoch, randomUUID()), v.updatedAt = datetime()
RETURN v.version AS version
