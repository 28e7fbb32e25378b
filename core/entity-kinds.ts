import type { GraphLabel } from "./neo4j/cypher-template.ts";

/** The lowercase kind the API and the client use for each label, and its permalink path. */
export const entityKindOf: Record<GraphLabel, EntityKind> = {
  Territory: "territory",
  Ally: "ally",
  Initiative: "initiative",
  Person: "person",
  Cohort: "cohort",
  Theme: "theme",
  Source: "source",
};
export type EntityKind = "territory" | "ally" | "initiative" | "person" | "cohort" | "theme" | "source";

export const labelOf = Object.fromEntries(Object.entries(entityKindOf).map(([label, kind]) => [kind, label])) as Record<EntityKind, GraphLabel>;

/** Permalinks: /territories/vimy, /allies/extracites, /initiatives/…, /people/… */
export const pathSegmentOf: Record<EntityKind, string> = {
  territory: "territories",
  ally: "allies",
  initiative: "initiatives",
  person: "people",
  cohort: "cohorts",
  theme: "themes",
  source: "sources",
};

/** Initiatives and sources have a title; everything else a name. */
export function displayName(props: Record<string, unknown>): string {
  return String(props.name ?? props.title ?? props.slug);
}
