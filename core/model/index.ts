/**
 * The data model, written once and dependency-free (the explorer imports it too). Everything that
 * knows about kinds, properties or relationships reads it from here.
 */
import { entityKinds } from "./entity-kinds.ts";
import { provenanceProperties, relationshipKinds } from "./relationship-kinds.ts";
import type { Property } from "./value-types.ts";

export { entityKinds, type EntityKindDefinition } from "./entity-kinds.ts";
export { provenanceProperties, provenanceRelationship, relationshipKinds, type RelationshipKindDefinition } from "./relationship-kinds.ts";
export { enumeration, type Property, type ValueType } from "./value-types.ts";
export { langs, type Lang, type Words } from "./words.ts";
export * as enums from "./enums.ts";
export { cohortTypes, networkLabels, partOfTypes, themeTypes, tieTypes } from "./structure.ts";
export { kindColors } from "./kind-colors.ts";

/** A node label of the graph: Territory, Ally… */
export type Label = keyof typeof entityKinds;
/** The lowercase kind the API and the explorer use: territory, ally… */
export type Kind = (typeof entityKinds)[Label]["kind"];
export type RelationshipType = keyof typeof relationshipKinds;
/** The property names of one kind, e.g. PropertyName<"Ally"> is "slug" | "name" | … */
export type PropertyName<L extends Label> = keyof (typeof entityKinds)[L]["properties"] & string;

export const labels = Object.keys(entityKinds) as Label[];
export const kinds = labels.map((label) => entityKinds[label].kind) as Kind[];
export const relationshipTypes = Object.keys(relationshipKinds) as RelationshipType[];

export const kindOf = Object.fromEntries(labels.map((label) => [label, entityKinds[label].kind])) as Record<Label, Kind>;
export const labelOf = Object.fromEntries(labels.map((label) => [entityKinds[label].kind, label])) as Record<Kind, Label>;
export const segmentOf = Object.fromEntries(labels.map((label) => [entityKinds[label].kind, entityKinds[label].segment])) as Record<
  Kind,
  string
>;
export const kindOfSegment: Readonly<Record<string, Kind | undefined>> = Object.fromEntries(
  labels.map((label) => [entityKinds[label].segment, entityKinds[label].kind]),
);

export function isLabel(value: string): value is Label {
  return Object.hasOwn(entityKinds, value);
}
export function isKind(value: string): value is Kind {
  return (kinds as string[]).includes(value);
}
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(relationshipKinds, value);
}

/** The properties of a kind, by name (a plain record, for code that works on any kind). */
export function propertiesOf(label: Label): Readonly<Record<string, Property>> {
  return entityKinds[label].properties;
}

/** The properties a relationship of this type carries: its own, then its provenance. */
export function relationshipPropertiesOf(type: RelationshipType): Readonly<Record<string, Property>> {
  return { ...relationshipKinds[type].properties, ...provenanceProperties };
}

/** Properties every kind must have (slug included). */
export function requiredOf(label: Label): string[] {
  return Object.entries(propertiesOf(label))
    .filter(([, property]) => property.required)
    .map(([name]) => name);
}

/** Initiatives and sources have a title; everything else a name. */
export function displayName(props: Readonly<Record<string, unknown>>): string {
  return String(props.name ?? props.title ?? props.slug);
}

/** Lowercase ASCII words joined by hyphens: the shape of every slug. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Nodes that are not entities of the alliance, with their unique key: the response cache's version
 * counter, the accounts (server/auth), the change records (seeds/changes), the keys change records
 * touched or mention (each linked from its records, so an entity's history is found through the
 * key's unique index: no index answers membership in a list property) and the saved import mappings;
 * `indexed`: other properties they are looked up by (a range index each).
 */
export const systemNodes = [
  { label: "GraphVersion", key: "id", indexed: [] },
  { label: "Account", key: "username", indexed: [] },
  { label: "Change", key: "id", indexed: ["status"] }, // status: the review queue and its count
  { label: "ChangeKey", key: "key", indexed: [] }, // (:Change)-[:CHANGED|MENTIONED]->(:ChangeKey): cypher/fragments/link-change-keys.cypher
  { label: "ImportMapping", key: "name", indexed: [] }, // a spreadsheet's column mapping, saved by name to be reused (seeds/import/spreadsheet)
] as const;
export const systemLabels = systemNodes.map((node) => node.label);

/** What a seed file, an import or a form may give: every property but those the loader derives. */
export function givenPropertiesOf(label: Label): Readonly<Record<string, Property>> {
  return Object.fromEntries(Object.entries(propertiesOf(label)).filter(([, property]) => !property.derived));
}

/** Properties the loader derives from the gazetteer, over every kind (location too: it may be derived or given). */
export const derivedPropertyNames: readonly string[] = [
  "location",
  ...new Set(
    labels.flatMap((label) =>
      Object.entries(propertiesOf(label))
        .filter(([, property]) => property.derived)
        .map(([name]) => name),
    ),
  ),
];
export { kindName, propertyName, relationshipName, valueName } from "./names.ts";
export { placeColumns, placeColumnNames, type PlaceColumn } from "./place-columns.ts";
