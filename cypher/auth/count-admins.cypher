// How many accounts may manage the others: npm start says how to create the first one while there is none.
MATCH (a:Account {role: 'admin'})
WHERE a.disabled = false
RETURN count(a) AS admins
