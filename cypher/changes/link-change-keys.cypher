// Links the change records that hold keys but no link to them: those written before the links existed
// (a database of before, an older backup restored, a Cypher export run). Run with the schema, after a
// restore and at the end of a Cypher export; idempotent, and a scan of the records only here.
MATCH (c:Change)
WHERE size(coalesce(c.keys, []) + coalesce(c.mentions, [])) > 0
  AND NOT EXISTS { (c)-[:CHANGED|MENTIONED]->(:ChangeKey) }
CALL (c) {
  __LINK_CHANGE_KEYS__
}
RETURN count(c) AS linked
