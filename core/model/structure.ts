import { entityKinds } from "./entity-kinds.ts";
import { relationshipKinds } from "./relationship-kinds.ts";

type Label = keyof typeof entityKinds;

/**
 * The network whose structure is measured (server/metrics), read from the model: relationships
 * marked `tie` join its entities; `belonging` ones say what an entity is part of (a cohort, a theme,
 * a larger territory); sources and provenance are no part of it.
 */
const relationships = Object.values(relationshipKinds);
export const tieTypes: string[] = relationships.filter((r) => r.structure === "tie").map((r) => r.type);
export const networkLabels: Label[] = (Object.keys(entityKinds) as Label[]).filter(
  (label) => label !== "Source" && relationships.some((r) => r.structure === "tie" && ([...r.from, ...r.to] as Label[]).includes(label)),
);
const belongingTo = (target: Label): string[] =>
  relationships.filter((r) => r.structure === "belonging" && (r.to as readonly Label[]).includes(target)).map((r) => r.type);
export const cohortTypes = belongingTo("Cohort");
export const themeTypes = belongingTo("Theme");
export const partOfTypes = belongingTo("Territory");
