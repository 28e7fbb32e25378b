/**
 * What a seed file may say: the kinds of entity, their properties and the relationships between
 * them. The loader validates every file against this before writing anything, and the Cypher
 * it runs takes labels and types only from here (never from a file).
 */

export type ValueType =
  | { type: "string" } // one line of text
  | { type: "text" } // free text, several sentences allowed
  | { type: "int"; min?: number; max?: number }
  | { type: "float"; min?: number; max?: number }
  | { type: "year" } // 1900..2100
  | { type: "date" } // YYYY, YYYY-MM or YYYY-MM-DD: sources are often no more precise than a month
  | { type: "enum"; values: readonly string[] }
  | { type: "strings" } // list of one-line strings
  | { type: "url" }
  | { type: "boolean" }
  | { type: "location" }; // { latitude, longitude } in WGS-84 degrees

export interface EntityKind {
  label: Label;
  section: string; // the key that lists them in a seed file
  required: string[];
  properties: Record<string, ValueType>;
}

export { graphLabels as labels, type GraphLabel as Label } from "./neo4j/cypher-template.ts";
import type { GraphLabel as Label } from "./neo4j/cypher-template.ts";

export const territoryKinds = ["commune", "intercommunalité", "département", "région", "pays"] as const;
export const allyKinds = ["cooperative", "association", "consultancy", "public-body", "network", "funder", "company", "local-authority"] as const;
export const initiativeKinds = ["pilot-project", "initiative", "proposal", "show", "charter", "method"] as const;
export const initiativeStatuses = ["proposed", "planned", "running", "completed", "reoriented", "abandoned"] as const;

const name = { type: "string" } as const;

export const entityKinds: Record<Label, EntityKind> = {
  Territory: {
    label: "Territory",
    section: "territories",
    required: ["slug", "name", "kind"],
    properties: {
      name,
      aliases: { type: "strings" }, // other names in use, e.g. "Agglomération du Beauvaisis"
      kind: { type: "enum", values: territoryKinds },
      inseeCode: { type: "string" }, // communes, départements, régions (COG)
      siren: { type: "string" }, // intercommunalités (COG)
      population: { type: "int", min: 0 },
      populationYear: { type: "year" },
      areaKm2: { type: "float", min: 0 },
      location: { type: "location" },
    },
  },
  Ally: {
    label: "Ally",
    section: "allies",
    required: ["slug", "name", "kind"],
    properties: {
      name,
      aliases: { type: "strings" },
      kind: { type: "enum", values: allyKinds },
      legalForm: { type: "string" },
      description: { type: "text" },
      website: { type: "url" },
      location: { type: "location" },
      organisationCount: { type: "int", min: 0 },
      organisationCountIsMinimum: { type: "boolean" },
      personCount: { type: "int", min: 0 },
    },
  },
  Initiative: {
    label: "Initiative",
    section: "initiatives",
    required: ["slug", "title", "kind"],
    properties: {
      title: name,
      summary: { type: "text" },
      kind: { type: "enum", values: initiativeKinds },
      status: { type: "enum", values: initiativeStatuses },
      startDate: { type: "date" },
      endDate: { type: "date" },
      plannedEndDate: { type: "date" },
      steps: { type: "strings" },
      pageTitle: { type: "string" },
      pageUrl: { type: "url" },
    },
  },
  Person: {
    label: "Person",
    section: "people",
    required: ["slug", "name"],
    properties: { name, role: { type: "string" } },
  },
  Cohort: {
    label: "Cohort",
    section: "cohorts",
    required: ["slug", "name", "season"],
    properties: {
      name,
      programme: { type: "string" },
      season: { type: "int", min: 1, max: 99 },
      startYear: { type: "year" },
      endYear: { type: "year" },
    },
  },
  Theme: {
    label: "Theme",
    section: "themes",
    required: ["slug", "name"],
    properties: { name },
  },
  Source: {
    label: "Source",
    section: "sources",
    required: ["slug", "title", "publisher"],
    properties: {
      title: name,
      publisher: { type: "string" },
      year: { type: "year" },
      kind: { type: "enum", values: ["fiche", "referential", "notes"] },
      file: { type: "string" }, // its text in seeds/sources/, against which quotes are checked
      url: { type: "url" },
      printer: { type: "string" },
      note: { type: "text" },
    },
  },
};

export interface RelationshipKind {
  type: string;
  from: Label[];
  to: Label[];
  properties: Record<string, ValueType>;
  /** Properties that, with both ends, tell two relationships of this type apart (MERGE key). */
  key: string[];
}

const season = { type: "int", min: 1, max: 99 } as const;
const role = { type: "string" } as const;

export const relationshipKinds: Record<string, RelationshipKind> = {
  PART_OF: { type: "PART_OF", from: ["Territory"], to: ["Territory"], properties: {}, key: [] },
  BASED_IN: { type: "BASED_IN", from: ["Ally"], to: ["Territory"], properties: {}, key: [] },
  ACCOMPANIED: {
    type: "ACCOMPANIED",
    from: ["Ally"],
    to: ["Territory"],
    properties: { season, startYear: { type: "year" }, endYear: { type: "year" }, role },
    key: ["season"],
  },
  CONTRIBUTED_TO: {
    type: "CONTRIBUTED_TO",
    from: ["Ally", "Person", "Territory"],
    to: ["Initiative"],
    properties: { role, season },
    key: [],
  },
  WORKS_FOR: { type: "WORKS_FOR", from: ["Person"], to: ["Ally"], properties: { role }, key: [] },
  LOCATED_IN: { type: "LOCATED_IN", from: ["Initiative"], to: ["Territory"], properties: {}, key: [] },
  ABOUT: { type: "ABOUT", from: ["Initiative"], to: ["Theme"], properties: {}, key: [] },
  INSPIRED_BY: { type: "INSPIRED_BY", from: ["Initiative"], to: ["Initiative"], properties: {}, key: [] },
  MEMBER_OF: { type: "MEMBER_OF", from: ["Territory"], to: ["Cohort"], properties: {}, key: [] },
  IN_COHORT: { type: "IN_COHORT", from: ["Initiative"], to: ["Cohort"], properties: {}, key: [] },
  PARTNERED_WITH: { type: "PARTNERED_WITH", from: ["Ally"], to: ["Ally"], properties: { nature: { type: "string" } }, key: [] },
  SUPPORTS: { type: "SUPPORTS", from: ["Ally"], to: ["Ally", "Initiative", "Territory", "Cohort"], properties: { nature: { type: "string" } }, key: [] },
  CREDITED_IN: { type: "CREDITED_IN", from: ["Person"], to: ["Source"], properties: { role }, key: [] },
};

/**
 * Properties the loader derives from the gazetteer rather than reads (a seed file gives
 * `location` only for a place of its own: then locationPrecision is "seed").
 */
export const derivedProperties = ["location", "locationPrecision", "locationApproximate", "regionCode", "regionName"] as const;

/** An entity already in the database, that a file being imported may refer to without describing it. */
export interface ExistingEntity {
  label: Label;
  slug: string;
  location?: { latitude: number; longitude: number; precision: string; approximate: boolean };
  file?: string; // a Source's text file
}

/** Properties every relationship row may carry besides its own. */
export const provenanceFields = ["source", "quote"] as const;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
