// What the data-quality lists need of every sourced entity (server/graphql/resolvers/data-quality.ts):
// whether a fact of it lacks a quote (a provenance link to a non-referential source without quotes,
// or no provenance at all; referentials such as the COG give facts without sentences), whether its
// place is approximate, an initiative without territory, an ally without any tie; its names.
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN labels(n)[0] AS label, n.slug AS slug, coalesce(n.name, n.title, n.slug) AS name, coalesce(n.aliases, []) AS aliases,
  (NOT EXISTS { (n)-[:SOURCED_FROM]->(:Source) }
    OR EXISTS { (n)-[p:SOURCED_FROM]->(s:Source) WHERE coalesce(s.kind, '') <> 'referential' AND size(coalesce(p.quotes, [])) = 0 }) AS withoutQuote,
  coalesce(n.locationApproximate, false) AS approximate,
  (n:Initiative AND NOT EXISTS { (n)-[:LOCATED_IN]->(:Territory) }) AS noTerritory,
  (n:Ally AND NOT EXISTS { (n)-[t]-() WHERE type(t) IN $tieTypes }) AS noTie
ORDER BY label, slug
