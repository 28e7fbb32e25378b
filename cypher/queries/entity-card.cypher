// What a link preview shows of an entity (server/http/link-preview.ts): its name and a sentence.
MATCH (n:__LABEL__ {slug: $slug})
RETURN coalesce(n.name, n.title, n.slug) AS name, coalesce(n.summary, n.description) AS text, n.kind AS subkind
LIMIT 1
