// How many relationships a source states (their `source` property names it): it cannot be deleted while any does.
MATCH ()-[r]->()
WHERE r.source = $slug
RETURN count(r) AS citations
