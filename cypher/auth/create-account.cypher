// A new account (the username constraint refuses a second one of the same name).
CREATE (a:Account {username: $username, passwordHash: $passwordHash, role: $role, disabled: false, createdAt: datetime()})
RETURN a.username AS username
