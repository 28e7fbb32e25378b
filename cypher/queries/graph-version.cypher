// The graph's version, moved on by every load and change: "<epoch>:<counter>". The epoch is drawn
// when the version node is made, so that a database emptied and loaded again never repeats a
// version an API instance may still hold answers for.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.epoch, 'none') + ':' + toString(coalesce(v.version, 0)) AS version
