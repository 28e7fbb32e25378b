// After neo4j-admin import (npm run seed -- --bulk): the lists that were empty in the seed files,
// which its CSV cannot hold, set as the batched loader stores them (an empty list); the marker
// column goes. __PATTERN__ is one label's nodes or one type's relationships, from the model's
// lists (seeds/bulk/import-files.ts). Run in an auto-commit transaction (IN TRANSACTIONS).
MATCH __PATTERN__
WHERE entity._emptyLists IS NOT NULL
CALL (entity) {
  SET entity += apoc.map.fromLists(entity._emptyLists, [name IN entity._emptyLists | []])
  REMOVE entity._emptyLists
} IN TRANSACTIONS OF 20000 ROWS
RETURN count(*) AS fixed
