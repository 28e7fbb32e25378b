import type { EntityKind } from "../api/types.ts";

/**
 * One shape and one colour per kind (Okabe–Ito palette: told apart with colour-blindness too);
 * the legend draws the same swatches.
 */
export const kindStyles: Record<EntityKind, { shape: string; color: string; size: number }> = {
  territory: { shape: "round-hexagon", color: "#009E73", size: 34 },
  ally: { shape: "ellipse", color: "#0072B2", size: 32 },
  initiative: { shape: "round-diamond", color: "#E69F00", size: 32 },
  person: { shape: "round-triangle", color: "#CC79A7", size: 26 },
  cohort: { shape: "round-rectangle", color: "#56B4E9", size: 30 },
  theme: { shape: "round-tag", color: "#D55E00", size: 24 },
  source: { shape: "barrel", color: "#7f7f7f", size: 24 },
};

export const entityKinds = Object.keys(kindStyles) as EntityKind[];

/** Relationship colours: what the alliance did (accompanied, contributed) stands out; structure stays grey. */
export const edgeColors: Record<string, string> = {
  ACCOMPANIED: "#0072B2",
  CONTRIBUTED_TO: "#E69F00",
  PARTNERED_WITH: "#CC79A7",
  SUPPORTS: "#CC79A7",
  WORKS_FOR: "#CC79A7",
  INSPIRED_BY: "#D55E00",
};
export const defaultEdgeColor = "#9aa3ad";
export const dashedEdgeTypes = ["PART_OF", "MEMBER_OF", "IN_COHORT", "ABOUT", "CREDITED_IN"];
