// The record of a change: who, when, its source, its operations and, once applied, the before and
// after of everything it touched (JSON texts), and the keys of what it touched, linked (for history).
CREATE (c:Change)
SET c = $record, c.createdAt = datetime()
WITH c
__LINK_CHANGE_KEYS__
RETURN c.id AS id
