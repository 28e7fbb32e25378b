// What the database already holds, so that an imported file may refer to it: every entity's
// label and slug, where it stands (for allies based there), and a source's text (file, or kept in the graph).
MATCH (n)
WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping
RETURN labels(n)[0] AS label, n.slug AS slug, n.location AS location, n.locationPrecision AS precision,
       n.locationApproximate AS approximate, n.file AS file, n.text AS text
