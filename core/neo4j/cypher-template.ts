import { isLabel, isRelationshipType, labels, type Label, type RelationshipType } from "../model/index.ts";
import { readFragment, readQuery } from "./cypher-files.ts";

/**
 * Placeholders any query may hold, filled before the caller's: the shared end of every query that
 * answers with elements, one index-backed branch per label of the model, and a change record's links
 * to its keys.
 */
const fragments: Record<string, () => string> = {
  __RETURN_ELEMENTS__: () => readFragment("return-elements"),
  __ENTITY_BY_REF__: () => labels.map((label) => readFragment("entity-by-ref").replaceAll("__LABEL__", label)).join("\n  UNION\n  "),
  __LINK_CHANGE_KEYS__: () => readFragment("link-change-keys"),
};

/**
 * Reads cypher/<name>.cypher and fills its __PLACEHOLDERS__. Cypher cannot take a label or a
 * relationship type as a parameter and still use the slug index (dynamic labels scan every node
 * in Neo4j 5.26), so those slots are filled here, and only with words from the model's fixed lists;
 * every value still travels as a $parameter.
 */
export function fillQuery(name: string, values: Record<string, string>): string {
  const key = `${name}\u0000${Object.entries(values).flat().join("\u0000")}`;
  let filled = filledQueries.get(key);
  if (filled !== undefined) return filled;
  const expanded = readQuery(name).replace(/__[A-Z_]+__/g, (placeholder) => fragments[placeholder]?.() ?? placeholder);
  filled = expanded.replace(/__[A-Z]+__/g, (placeholder) => {
    const value = values[placeholder];
    if (value === undefined) throw new Error(`cypher/${name}.cypher: no value for ${placeholder}`);
    return value;
  });
  filledQueries.set(key, filled); // a handful of names × labels: filled once, not on every request
  return filled;
}

const filledQueries = new Map<string, string>();

export function checkedLabel(label: string): Label {
  if (!isLabel(label)) throw new Error(`unknown label ${label}`);
  return label;
}

export function checkedType(type: string): RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`unknown relationship type ${type}`);
  return type;
}
