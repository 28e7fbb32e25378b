// How many changes wait for review (the count on the page's « À relire »).
MATCH (c:Change {status: 'pending'})
RETURN count(c) AS pending
