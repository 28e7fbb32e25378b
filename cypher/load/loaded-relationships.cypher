// Every relationship loaded from these sources (provenance links included), to find those the
// seed files no longer state.
MATCH (a)-[r]->(b)
WHERE r.source IN $sources OR (type(r) = 'SOURCED_FROM' AND b.slug IN $sources)
RETURN elementId(r) AS id, type(r) AS type, labels(a)[0] AS fromLabel, a.slug AS from,
       labels(b)[0] AS toLabel, b.slug AS to, properties(r) AS props
