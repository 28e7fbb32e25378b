// The ties of the network (relationships the model marks `tie`), as pairs of entities.
MATCH (a)-[t]->(b)
WHERE type(t) IN $tieTypes AND any(label IN labels(a) WHERE label IN $labels) AND any(label IN labels(b) WHERE label IN $labels)
RETURN labels(a)[0] AS fromLabel, a.slug AS fromSlug, labels(b)[0] AS toLabel, b.slug AS toSlug
