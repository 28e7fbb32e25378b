// The entities of the network whose structure is measured (server/metrics), each with what it
// belongs to: the régions it is in or is tied to (a territory by PART_OF, the others through their
// ties to territories), its cohorts and its themes. The types come from the model.
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
CALL (n) {
  OPTIONAL MATCH (n)-[t]-(place:Territory)
  WHERE type(t) IN $tieTypes
  WITH n, collect(place) AS tied
  WITH tied + CASE WHEN n:Territory THEN [n] ELSE [] END AS places
  UNWIND places AS place
  MATCH (place)-[parts*0..4]->(region:Territory {kind: 'région'})
  WHERE all(part IN parts WHERE type(part) IN $partOfTypes)
  RETURN collect(DISTINCT region.name) AS regions
}
RETURN labels(n)[0] AS label, n.slug AS slug, coalesce(n.name, n.title, n.slug) AS name, regions,
  [(n)-[b]->(c:Cohort) WHERE type(b) IN $cohortTypes | c.name] AS cohorts,
  [(n)-[b]->(t:Theme) WHERE type(b) IN $themeTypes | t.name] AS themes
