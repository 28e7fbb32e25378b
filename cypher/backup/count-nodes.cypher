// How many nodes the database holds: a restore goes into an empty one unless told --force.
MATCH (n)
RETURN count(n) AS nodes
