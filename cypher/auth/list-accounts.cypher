// Every account, without its password hash.
MATCH (a:Account)
RETURN a.username AS username, a.role AS role, a.disabled AS disabled, toString(a.createdAt) AS createdAt,
       toString(a.lastLoginAt) AS lastLoginAt
ORDER BY a.username
