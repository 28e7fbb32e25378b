// A batch of a backup's nodes, with their labels and typed properties; answers each one's element id
// so that the relationships find their ends.
UNWIND $rows AS row
CALL apoc.create.node(row.labels, row.props) YIELD node
RETURN row.id AS id, elementId(node) AS element
