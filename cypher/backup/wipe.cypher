// restore --force: everything goes, in the restore's own transaction (a failed restore keeps it).
MATCH (n)
DETACH DELETE n
