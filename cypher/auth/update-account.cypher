// Changes what $set holds (role, disabled, passwordHash) on one account, and stamps a login or a logout.
MATCH (a:Account {username: $username})
SET a += $set
SET a.lastLoginAt = CASE WHEN $stamp = 'lastLoginAt' THEN datetime() ELSE a.lastLoginAt END,
    a.loggedOutAt = CASE WHEN $stamp = 'loggedOutAt' THEN datetime() ELSE a.loggedOutAt END
RETURN a.username AS username
