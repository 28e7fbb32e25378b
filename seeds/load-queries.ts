import { checkedLabel, checkedType, fillQuery } from "../core/neo4j/cypher-template.ts";
import { relationshipKinds, type Label } from "../core/model/index.ts";

/**
 * The loader's Cypher, from cypher/load/, with labels and types taken from the model only.
 * `bulk`: the graph holds no entity yet, so CREATE does what MERGE would, faster.
 */
export function mergeNodesQuery(label: Label, bulk = false): string {
  return fillQuery(bulk ? "load/create-nodes" : "load/merge-nodes", { __LABEL__: checkedLabel(label) });
}

export function mergeRelationshipsQuery(type: string, from: Label, to: Label, bulk = false): string {
  const kind = relationshipKinds[checkedType(type)];
  const key = kind.key.length ? `{${kind.key.map((k) => `${k}: row.props.${k}`).join(", ")}}` : "";
  return fillQuery(bulk ? "load/create-relationships" : "load/merge-relationships", {
    __FROM__: checkedLabel(from),
    __TO__: checkedLabel(to),
    __TYPE__: kind.type,
    __KEY__: key,
  });
}

export function mergeProvenanceQuery(label: Label, bulk = false): string {
  return fillQuery(bulk ? "load/create-provenance" : "load/merge-provenance", { __LABEL__: checkedLabel(label) });
}
