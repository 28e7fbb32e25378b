// Whether the graph holds no entity yet, for the loader's bulk path (system nodes — the version
// counter, accounts, change records — aside; EXISTS stops at the first entity it meets).
RETURN NOT EXISTS { MATCH (n) WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping } AS empty
