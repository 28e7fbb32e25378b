import { readQuery } from "../server/neo4j/cypher-files.ts";
import { labels, relationshipKinds, type Label } from "./model.ts";

/**
 * The loader's Cypher, from cypher/load/. Labels and types are filled in only from the model's
 * fixed lists (checked here); every value travels as a parameter.
 */
export function mergeNodesQuery(label: Label): string {
  return fill(readQuery("load/merge-nodes"), { __LABEL__: checkedLabel(label) });
}

export function mergeRelationshipsQuery(type: string, from: Label, to: Label): string {
  const kind = relationshipKinds[type];
  if (!kind) throw new Error(`unknown relationship type ${type}`);
  const key = kind.key.length ? `{${kind.key.map((k) => `${k}: row.props.${k}`).join(", ")}}` : "";
  return fill(readQuery("load/merge-relationships"), { __FROM__: checkedLabel(from), __TO__: checkedLabel(to), __TYPE__: type, __KEY__: key });
}

export function mergeProvenanceQuery(label: Label): string {
  return fill(readQuery("load/merge-provenance"), { __LABEL__: checkedLabel(label) });
}

function checkedLabel(label: string): Label {
  if (!(labels as readonly string[]).includes(label)) throw new Error(`unknown label ${label}`);
  return label as Label;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/__[A-Z]+__/g, (placeholder) => {
    if (!(placeholder in values)) throw new Error(`no value for ${placeholder}`);
    return values[placeholder]!;
  });
}
