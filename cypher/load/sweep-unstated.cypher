// After a full load: delete what the files no longer state (still marked by mark-loaded.cypher).
MATCH ()-[r]->()
WHERE r.`_unstated` IS NOT NULL
DELETE r
RETURN count(*) AS pruned
