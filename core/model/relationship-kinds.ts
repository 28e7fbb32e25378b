import type { entityKinds } from "./entity-kinds.ts";
import { endYear, nature, role, season, startYear } from "./shared-properties.ts";
import type { Property } from "./value-types.ts";
import type { Words } from "./words.ts";

type Label = keyof typeof entityKinds;

/** A type of relationship: which kinds it joins, what it carries, how the API and the page name it. */
export interface RelationshipKindDefinition {
  type: string; // the relationship type, the same as its key
  from: readonly Label[];
  to: readonly Label[];
  properties: Readonly<Record<string, Property>>;
  /** Properties that, with both ends, tell two relationships of this type apart (the loader's MERGE key). */
  key: readonly string[];
  names: Words; // what it means, read from its source to its target: "Extracités a accompagné Vimy"
  /**
   * For the network's structure (server/metrics): a `tie` is people or organisations working with
   * each other or somewhere; a `belonging` (a commune in its département, an initiative about a
   * theme, a member of a cohort) says what group something is in, and is counted as such, not as a
   * path through which the network holds together.
   */
  structure: "tie" | "belonging";
  /**
   * Column headers by which a spreadsheet's row names entities it is so related to: `out` on rows
   * of its source kinds ("Territoires accompagnés" on allies), `in` on rows of its target kinds
   * ("Porteur" on initiatives). `properties`: headers of its own properties on such rows.
   */
  headers?: { out?: readonly string[]; in?: readonly string[]; properties?: Readonly<Record<string, readonly string[]>> };
  graphql: {
    out: string; // field on the source kinds: Ally.accompanied
    in: string; // field on the target kinds: Territory.accompaniedBy
    properties: string; // the @relationshipProperties type (relationships of one shape share it)
    fromUnion?: string; // the union type of the `in` field when several kinds are sources
    toUnion?: string; // the union type of the `out` field when several kinds are targets
  };
}

/**
 * Every relationship also carries its provenance: `source` (a Source slug) and `quote` (the sentence
 * of that source that states it).
 */
export const provenanceProperties = {
  source: { type: "string", required: true, names: { fr: "Source", en: "Source" }, doc: "Slug of the Source that states it" },
  quote: { type: "text", names: { fr: "Citation", en: "Quote" }, doc: "The sentence of the source that states it" },
} as const satisfies Record<string, Property>;

const sourced = "Sourced";

/** The relationship types of the graph, direction as written (PART_OF goes from a commune to its département). */
export const relationshipKinds = {
  PART_OF: {
    type: "PART_OF",
    from: ["Territory"],
    to: ["Territory"],
    properties: {},
    key: [],
    names: { fr: "fait partie de", en: "part of" },
    structure: "belonging",
    headers: { out: ["Intercommunalité", "EPCI", "Fait partie de"] },
    graphql: { out: "partOf", in: "parts", properties: sourced },
  },
  BASED_IN: {
    type: "BASED_IN",
    from: ["Ally"],
    to: ["Territory"],
    properties: {},
    key: [],
    names: { fr: "basé à", en: "based in" },
    structure: "tie",
    graphql: { out: "basedIn", in: "alliesBasedHere", properties: sourced },
  },
  ACCOMPANIED: {
    type: "ACCOMPANIED",
    from: ["Ally"],
    to: ["Territory"],
    properties: { season: { ...season, required: true }, startYear, endYear, role },
    key: ["season"],
    names: { fr: "a accompagné", en: "accompanied" },
    structure: "tie",
    headers: {
      out: ["Territoires accompagnés", "Territoire accompagné", "Accompagne", "Accompagnements"],
      in: ["Accompagné par", "Accompagnateur", "Accompagnateurs", "Structure accompagnatrice"],
      properties: { season: ["Saison", "Saison d'accompagnement"] },
    },
    graphql: { out: "accompanied", in: "accompaniedBy", properties: "Accompaniment" },
  },
  CONTRIBUTED_TO: {
    type: "CONTRIBUTED_TO",
    from: ["Ally", "Person", "Territory"],
    to: ["Initiative"],
    properties: { role, season },
    key: [],
    names: { fr: "a contribué à", en: "contributed to" },
    structure: "tie",
    headers: {
      out: ["Contribue à", "Initiatives", "Projets"],
      in: ["Porteur", "Porteurs", "Porté par", "Contributeurs", "Partenaires du projet"],
    },
    graphql: { out: "contributedTo", in: "contributors", properties: "Contribution", fromUnion: "Contributor" },
  },
  WORKS_FOR: {
    type: "WORKS_FOR",
    from: ["Person"],
    to: ["Ally"],
    properties: { role },
    key: [],
    names: { fr: "travaille pour", en: "works for" },
    structure: "tie",
    headers: { out: ["Structure", "Organisation", "Organisme", "Employeur", "Works for"], in: ["Contacts", "Équipe"] },
    graphql: { out: "worksFor", in: "people", properties: "Role" },
  },
  LOCATED_IN: {
    type: "LOCATED_IN",
    from: ["Initiative"],
    to: ["Territory"],
    properties: {},
    key: [],
    names: { fr: "situé à", en: "located in" },
    structure: "tie",
    graphql: { out: "locatedIn", in: "initiatives", properties: sourced },
  },
  ABOUT: {
    type: "ABOUT",
    from: ["Initiative"],
    to: ["Theme"],
    properties: {},
    key: [],
    names: { fr: "porte sur", en: "about" },
    structure: "belonging",
    headers: { out: ["Thème", "Thèmes", "Thématique", "Thématiques", "Themes"] },
    graphql: { out: "themes", in: "initiatives", properties: sourced },
  },
  INSPIRED_BY: {
    type: "INSPIRED_BY",
    from: ["Initiative"],
    to: ["Initiative"],
    properties: {},
    key: [],
    names: { fr: "s'inspire de", en: "inspired by" },
    structure: "tie",
    graphql: { out: "inspiredBy", in: "inspired", properties: sourced },
  },
  MEMBER_OF: {
    type: "MEMBER_OF",
    from: ["Territory"],
    to: ["Cohort"],
    properties: {},
    key: [],
    names: { fr: "membre de", en: "member of" },
    structure: "belonging",
    headers: { out: ["Cohorte", "Cohortes"] },
    graphql: { out: "cohorts", in: "territories", properties: sourced },
  },
  IN_COHORT: {
    type: "IN_COHORT",
    from: ["Initiative"],
    to: ["Cohort"],
    properties: {},
    key: [],
    names: { fr: "dans la cohorte", en: "in cohort" },
    structure: "belonging",
    graphql: { out: "cohorts", in: "initiatives", properties: sourced },
  },
  PARTNERED_WITH: {
    type: "PARTNERED_WITH",
    from: ["Ally"],
    to: ["Ally"],
    properties: { nature },
    key: [],
    names: { fr: "partenaire de", en: "partner of" },
    structure: "tie",
    headers: { out: ["Partenaires", "Partenaire de", "Partners"] },
    graphql: { out: "partners", in: "partnerOf", properties: "Tie" },
  },
  SUPPORTS: {
    type: "SUPPORTS",
    from: ["Ally"],
    to: ["Ally", "Initiative", "Territory", "Cohort"],
    properties: { nature },
    key: [],
    names: { fr: "soutient", en: "supports" },
    structure: "tie",
    headers: { out: ["Soutient"], in: ["Soutenu par", "Financeurs", "Financé par", "Funders"] },
    graphql: { out: "supports", in: "supportedBy", properties: "Tie", toUnion: "Supported" },
  },
  CREDITED_IN: {
    type: "CREDITED_IN",
    from: ["Person"],
    to: ["Source"],
    properties: { role },
    key: [],
    names: { fr: "crédité dans", en: "credited in" },
    structure: "belonging",
    graphql: { out: "creditedIn", in: "credits", properties: "Role" },
  },
} as const satisfies Record<string, RelationshipKindDefinition>;

/**
 * Provenance of an entity's facts: (entity)-[:SOURCED_FROM {fields, quotes}]->(Source). Written by the
 * loader from each block's source and quotes, never listed as a relationship in a seed file.
 */
export const provenanceRelationship = {
  type: "SOURCED_FROM",
  properties: {
    fields: { type: "strings", required: true, names: { fr: "Champs", en: "Fields" }, doc: "The properties this source gave" },
    quotes: { type: "strings", required: true, names: { fr: "Citations", en: "Quotes" }, doc: "Its sentences that state them" },
  },
  names: { fr: "tiré de", en: "sourced from" },
  graphql: { out: "sources", properties: "Provenance" },
} as const;
