// How many relationships the database holds (a backup's header).
MATCH ()-[r]->()
RETURN count(r) AS relationships
