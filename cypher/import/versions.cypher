// The version of each entity an import updates ($keys: "Ally/extracites"…): how many applied changes
// touched it, in one pass over the change records. Keys no change touched are at version 0.
MATCH (c:Change {status: 'applied'})
UNWIND c.keys AS key
WITH key
  WHERE key IN $keys
RETURN key, count(*) AS version
