// The version of each entity an import updates ($keys: "Ally/extracites"…): how many applied changes
// changed it, through each key's node. Keys no change touched are at version 0 (no row).
UNWIND $keys AS key
MATCH (k:ChangeKey {key: key})
WITH key, COUNT { (k)<-[:CHANGED]-(:Change {status: 'applied'}) } AS version
  WHERE version > 0
RETURN key, version
