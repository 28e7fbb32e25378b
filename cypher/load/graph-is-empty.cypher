// Whether the graph holds no entity (count store: constant time), for the loader's bulk path.
MATCH (n)
WHERE NOT n:GraphVersion
RETURN count(n) = 0 AS empty
