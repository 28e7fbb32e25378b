// The record of a change: who, when, its source, its operations and, once applied, the before and
// after of everything it touched (JSON texts), and the keys of what it touched, linked (for history).
// Returns the record as read-change.cypher does: the change's answer without another transaction.
CREATE (c:Change)
SET c = $record, c.createdAt = datetime()
WITH c
__LINK_CHANGE_KEYS__
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
