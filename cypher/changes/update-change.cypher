// Moves a change on: accepted (applied), rejected, reverted… Applying it sets the keys of what it
// touched, so its links to them follow its lists ($relink: the update sets keys or mentions).
// Returns the record as read-change.cypher does.
MATCH (c:Change {id: $id})
SET c += $set
WITH c
CALL (c) {
  WITH c WHERE $relink
  __LINK_CHANGE_KEYS__
}
RETURN properties(c) AS change, toString(c.createdAt) AS createdAt
