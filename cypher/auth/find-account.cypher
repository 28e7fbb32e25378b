// One account, for login and for each authenticated request (role and disabled are read afresh).
MATCH (a:Account {username: $username})
RETURN a.username AS username, a.passwordHash AS passwordHash, a.role AS role, a.disabled AS disabled,
       toString(a.loggedOutAt) AS loggedOutAt
