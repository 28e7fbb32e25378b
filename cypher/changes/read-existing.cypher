// The entities a change refers to ($refs: [{label, slug}]), as its validation needs them: where each
// stands (for an ally based there) and a source's text (file, or kept in the graph). One slug-index lookup per ref.
UNWIND $refs AS ref
CALL (ref) {
  __ENTITY_BY_REF__
}
RETURN labels(n)[0] AS label, n.slug AS slug, n.location AS location, n.locationPrecision AS precision,
       n.locationApproximate AS approximate, n.file AS file, n.text AS text
