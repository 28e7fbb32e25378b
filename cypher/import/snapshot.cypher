// The entities of one label that an import compares its rows with (seeds/import/spreadsheet/
// graph-snapshot.ts): every property, and every relationship but provenance, with its other end.
MATCH (n:__LABEL__)
RETURN n.slug AS slug, properties(n) AS props,
       [(n)-[r]-(m) WHERE type(r) <> 'SOURCED_FROM' AND m.slug IS NOT NULL |
         {type: type(r), out: startNode(r) = n, label: labels(m)[0], slug: m.slug, props: properties(r)}] AS relationships
