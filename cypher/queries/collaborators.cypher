// Who worked with an ally or a person, and why: both accompanied one territory, both contributed
// to one initiative, or a direct tie. __LABEL__ (Ally or Person) comes from a fixed list.
MATCH (me:__LABEL__ {slug: $slug})
CALL (me) {
  MATCH (me)-[r1:ACCOMPANIED]->(t:Territory)<-[r2:ACCOMPANIED]-(other:Ally)
  WHERE other <> me
  RETURN other, 'SHARED_TERRITORY' AS reason, t AS via, null AS relationship, [r1.season, r2.season] AS seasons
  UNION
  MATCH (me)-[r1:CONTRIBUTED_TO]->(i:Initiative)<-[r2:CONTRIBUTED_TO]-(other)
  WHERE other <> me AND (other:Ally OR other:Person)
  RETURN other, 'SHARED_INITIATIVE' AS reason, i AS via, null AS relationship, [r1.season, r2.season] AS seasons
  UNION
  MATCH (me)-[r:PARTNERED_WITH|SUPPORTS|WORKS_FOR]-(other)
  WHERE other:Ally OR other:Person
  RETURN other, 'DIRECT_TIE' AS reason, null AS via, type(r) AS relationship, [] AS seasons
}
WITH other, collect({reason: reason, via: via, relationship: relationship, seasons: seasons}) AS reasons
RETURN labels(other)[0] AS label, properties(other) AS props,
       [x IN reasons | {reason: x.reason, relationship: x.relationship, seasons: x.seasons,
                        viaLabel: labels(x.via)[0], viaProps: properties(x.via)}] AS reasons
ORDER BY size(reasons) DESC, coalesce(props.name, props.title)
