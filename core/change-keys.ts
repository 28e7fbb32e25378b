import { relationshipKinds, type Label, type RelationshipType } from "./model/index.ts";

/** The key of an entity in change records: "Ally/extracites". */
export function keyOfEntity(label: Label, slug: string): string {
  return `${label}/${slug}`;
}

/**
 * The key of a relationship in change records: its type, its ends and the properties that tell two
 * of that type apart (the loader's MERGE key): "ACCOMPANIED|Ally/extracites|Territory/vimy|2".
 */
export function relationshipKey(
  type: RelationshipType | "SOURCED_FROM",
  from: { label: Label; slug: string },
  to: { label: Label; slug: string },
  props: Record<string, unknown>,
): string {
  const key = type === "SOURCED_FROM" ? [] : relationshipKinds[type].key;
  return [type, keyOfEntity(from.label, from.slug), keyOfEntity(to.label, to.slug), ...key.map((k) => String(props[k] ?? ""))].join("|");
}
