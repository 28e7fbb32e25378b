// A batch of a backup's relationships, between nodes created by create-nodes (by element id).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CALL apoc.create.relationship(a, row.type, row.props, b) YIELD rel
RETURN count(rel) AS created
