// After neo4j-admin import (npm run seed -- --bulk): a list property that every row of a file has
// (a provenance link's quotes) is missing only where it was empty; set it as the batched loader
// stores it, an empty list. __PATTERN__ and __PROPERTY__ come from the model's names only
// (seeds/bulk/import-files.ts). Run in an auto-commit transaction (IN TRANSACTIONS).
MATCH __PATTERN__
WHERE entity.__PROPERTY__ IS NULL
CALL (entity) {
  SET entity.__PROPERTY__ = []
} IN TRANSACTIONS OF 20000 ROWS
RETURN count(*) AS fixed
