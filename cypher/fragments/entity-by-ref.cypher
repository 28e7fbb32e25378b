// One branch per label of the model (joined by UNION): every lookup of `ref` stays on that label's slug index.
MATCH (n:__LABEL__ {slug: ref.slug}) WHERE ref.label = '__LABEL__' RETURN n
