// The graph's version, moved on by every load (load/bump-graph-version.cypher): 0 before the first.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.version, 0) AS version
