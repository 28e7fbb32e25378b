import { kindColors, type Kind, type RelationshipType } from "../../../core/model/index.ts";

/**
 * One shape and one colour per kind (the model's kindColors, Okabe–Ito: told apart with colour-blindness too);
 * the legend draws the same swatches. Keyed by the model's kinds: a new kind without a style does not compile.
 */
export const kindStyles: Record<Kind, { shape: string; color: string; size: number }> = {
  territory: { shape: "round-hexagon", color: kindColors.territory, size: 34 },
  ally: { shape: "ellipse", color: kindColors.ally, size: 32 },
  initiative: { shape: "round-diamond", color: kindColors.initiative, size: 32 },
  person: { shape: "round-triangle", color: kindColors.person, size: 26 },
  cohort: { shape: "round-rectangle", color: kindColors.cohort, size: 30 },
  theme: { shape: "round-tag", color: kindColors.theme, size: 24 },
  source: { shape: "barrel", color: kindColors.source, size: 24 },
};

export const entityKinds = Object.keys(kindStyles) as Kind[];

const structure = { color: "#9aa3ad", dashed: true }; // what places things (part of, member of…): grey, dashed
const grey = { color: "#9aa3ad", dashed: false };

/**
 * Relationship styles: what the alliance did (accompanied, contributed) stands out; structure stays
 * grey. Keyed by the model's relationship types: a new type without a style does not compile.
 */
export const edgeStyles: Record<RelationshipType, { color: string; dashed: boolean }> = {
  ACCOMPANIED: { color: "#0072B2", dashed: false },
  CONTRIBUTED_TO: { color: "#E69F00", dashed: false },
  PARTNERED_WITH: { color: "#CC79A7", dashed: false },
  SUPPORTS: { color: "#CC79A7", dashed: false },
  WORKS_FOR: { color: "#CC79A7", dashed: false },
  INSPIRED_BY: { color: "#D55E00", dashed: false },
  BASED_IN: grey,
  LOCATED_IN: grey,
  PART_OF: structure,
  MEMBER_OF: structure,
  IN_COHORT: structure,
  ABOUT: structure,
  CREDITED_IN: structure,
};
export const defaultEdgeColor = grey.color;

/** An edge type's style; an unknown type (from an older or newer server) is drawn plain grey. */
export function edgeStyle(type: string): { color: string; dashed: boolean } {
  return Object.hasOwn(edgeStyles, type) ? edgeStyles[type as RelationshipType] : grey;
}
