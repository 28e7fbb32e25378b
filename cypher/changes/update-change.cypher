// Moves a change on: accepted (applied), rejected, reverted… Applying it sets the keys of what it
// touched, so its links to them follow its lists ($relink: the update sets keys or mentions).
MATCH (c:Change {id: $id})
SET c += $set
WITH c
CALL (c) {
  WITH c WHERE $relink
  __LINK_CHANGE_KEYS__
}
RETURN c.id AS id
