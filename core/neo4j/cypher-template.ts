import { readQuery } from "./cypher-files.ts";

/** The node labels of the graph: the only words ever put into a Cypher template's label slots. */
export const graphLabels = ["Territory", "Ally", "Initiative", "Person", "Cohort", "Theme", "Source"] as const;
export type GraphLabel = (typeof graphLabels)[number];

/**
 * Reads cypher/<name>.cypher and fills its __PLACEHOLDERS__. Cypher cannot take a label or a
 * relationship type as a parameter and still use the slug index, so those slots are filled here,
 * and only with words from fixed lists; every value still travels as a $parameter.
 */
export function fillQuery(name: string, values: Record<string, string>): string {
  return readQuery(name).replace(/__[A-Z]+__/g, (placeholder) => {
    const value = values[placeholder];
    if (value === undefined) throw new Error(`cypher/${name}.cypher: no value for ${placeholder}`);
    return value;
  });
}

export function checkedLabel(label: string): GraphLabel {
  if (!(graphLabels as readonly string[]).includes(label)) throw new Error(`unknown label ${label}`);
  return label as GraphLabel;
}
