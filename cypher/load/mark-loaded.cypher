// Before a full load: mark every relationship that earlier loads of these sources wrote (provenance
// links included). Writing a relationship again replaces its properties, which unmarks it; what is
// still marked at the end is no longer stated by the files (sweep-unstated.cypher).
CALL () {
  MATCH ()-[r]->()
  WHERE r.source IN $sources
  SET r.`_unstated` = true
  UNION
  MATCH (s:Source)<-[p:SOURCED_FROM]-()
  WHERE s.slug IN $sources
  SET p.`_unstated` = true
}
