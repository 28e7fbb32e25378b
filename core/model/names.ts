import { entityKinds } from "./entity-kinds.ts";
import { labelOf, type Kind, type Label } from "./index.ts";
import { relationshipKinds } from "./relationship-kinds.ts";
import type { Property } from "./value-types.ts";
import type { Lang } from "./words.ts";

/** "Allié", "Ally". */
export function kindName(kind: Kind, lang: Lang): string {
  return entityKinds[labelOf[kind]].names[lang];
}

/** What a relationship means, read from source to target: "a accompagné", "accompanied"; the type itself if unknown. */
export function relationshipName(type: string, lang: Lang): string {
  return Object.hasOwn(relationshipKinds, type) ? relationshipKinds[type as keyof typeof relationshipKinds].names[lang] : type;
}

/** A property's name for a kind, or for any kind that has it: "Habitants", "Inhabitants". */
export function propertyName(property: string, lang: Lang, label?: Label): string {
  const holders = label ? [label] : (Object.keys(entityKinds) as Label[]);
  for (const holder of holders) {
    const found = (entityKinds[holder].properties as Readonly<Record<string, Property>>)[property];
    if (found) return found.names[lang];
  }
  return property;
}

/** An enumerated value's name: "coopérative" for an ally's kind "cooperative"; the value itself if unknown. */
export function valueName(label: Label, property: string, value: string, lang: Lang): string {
  const definition = (entityKinds[label].properties as Readonly<Record<string, Property>>)[property];
  return definition?.type === "enum" ? (definition.words[value]?.[lang] ?? value) : value;
}
