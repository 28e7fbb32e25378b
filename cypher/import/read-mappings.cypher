// The saved column mappings, most recent first.
MATCH (m:ImportMapping)
RETURN m.name AS name, m.mapping AS mapping, m.headers AS headers, m.savedBy AS savedBy, toString(m.savedAt) AS savedAt
ORDER BY m.savedAt DESC
