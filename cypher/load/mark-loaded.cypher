// Before a full load: mark every relationship that earlier loads of these sources wrote (provenance
// links included). Writing a relationship again replaces its properties, which unmarks it; what is
// still marked at the end is no longer stated by the files (sweep-unstated.cypher). What changes made
// is never marked: relationships a change wrote ($r.change), provenance of entities changes edited.
CALL () {
  MATCH ()-[r]->()
  WHERE r.source IN $sources AND r.change IS NULL
  SET r.`_unstated` = true
  UNION
  MATCH (s:Source)<-[p:SOURCED_FROM]-(n)
  WHERE s.slug IN $sources AND p.change IS NULL AND NOT labels(n)[0] + '/' + n.slug IN $edited
  SET p.`_unstated` = true
}
