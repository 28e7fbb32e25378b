// Allies based in, or active in (accompanied it, or contributed to an initiative located in it),
// a commune or intercommunalité within $radiusMetres of $point; for each ally, the nearest such
// territory ("via"); the $limit nearest allies. Bounded work: at most $limit allies per territory
// and way (a hub commune may have thousands). Fetching only the nearest territories first was
// measured (npm run bench, 50 000 nodes): no faster, as the point index makes the radius cheap.
// The point index on Territory.location (and on Ally.location) serves the distance filters.
CALL () {
  MATCH (t:Territory)
  WHERE point.distance(t.location, $point) <= $radiusMetres
    AND t.kind IN ['commune', 'intercommunalité'] // a département or région is too large to be near
  WITH t, point.distance(t.location, $point) AS metres
  CALL (t) {
    MATCH (a:Ally)-[:BASED_IN]->(t)
    RETURN a, 'BASED_IN' AS reason, null AS season, 0 AS rank
    LIMIT $limit
    UNION
    MATCH (a:Ally)-[r:ACCOMPANIED]->(t)
    RETURN a, 'ACCOMPANIED' AS reason, r.season AS season, 1 AS rank
    LIMIT $limit
    UNION
    MATCH (a:Ally)-[r:CONTRIBUTED_TO]->(:Initiative)-[:LOCATED_IN]->(t)
    RETURN a, 'CONTRIBUTED_TO' AS reason, r.season AS season, 2 AS rank
    LIMIT $limit
  }
  RETURN a, t AS via, metres, reason, season, rank
  UNION
  // An ally with an address of its own (given in a seed file) is near by that address.
  MATCH (a:Ally)
  WHERE point.distance(a.location, $point) <= $radiusMetres AND a.locationPrecision = 'seed'
  OPTIONAL MATCH (a)-[:BASED_IN]->(t:Territory)
  RETURN a, t AS via, point.distance(a.location, $point) AS metres, 'BASED_IN' AS reason, null AS season, 0 AS rank
}
WITH a, via, metres, reason, season, rank
// Optional filters: the ally's kind, and a theme it works on (it contributed to an initiative about it).
WHERE ($allyKind IS NULL OR a.kind = $allyKind)
  AND ($theme IS NULL OR EXISTS { (a)-[:CONTRIBUTED_TO]->(:Initiative)-[about]->(:Theme {slug: $theme}) WHERE type(about) IN $themeTypes })
ORDER BY metres, rank
WITH a, collect({via: via, metres: metres, reason: reason, season: season})[0] AS nearest
RETURN a.slug AS slug, a.name AS name, a.kind AS kind, a.location AS location,
       nearest.via.slug AS viaSlug, nearest.via.name AS viaName, nearest.via.kind AS viaKind,
       nearest.via.location AS viaLocation, coalesce(nearest.via.locationApproximate, false) AS approximate,
       nearest.metres AS metres, nearest.reason AS reason, nearest.season AS season
ORDER BY metres, name
LIMIT $limit
