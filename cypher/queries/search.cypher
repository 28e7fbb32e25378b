// Fulltext search across every kind of entity (index entity_text: accent- and case-insensitive).
// $query is a Lucene query built by server/graphql/resolvers/lucene-query.ts from the user's text.
CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $limit})
YIELD node, score
RETURN labels(node)[0] AS label, node.slug AS slug, coalesce(node.name, node.title) AS name,
       node.kind AS subkind, score
ORDER BY score DESC, name
LIMIT $limit
