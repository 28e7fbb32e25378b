// A column mapping saved by name (seeds/import/spreadsheet/mapping-store.ts): the same name is overwritten.
MERGE (m:ImportMapping {name: $name})
SET m.mapping = $mapping, m.headers = $headers, m.savedBy = $savedBy, m.savedAt = datetime()
RETURN m.name AS name
