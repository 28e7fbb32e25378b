import { kindOf, labelOf, relationshipKinds, type Kind, type Label, type RelationshipType } from "../../../core/model/index.ts";

/** A relationship an entity of some kind may have: its type, which end the entity is, the kinds at the other end. */
export interface LinkChoice {
  type: RelationshipType;
  out: boolean; // this entity is the relationship's source
  others: Kind[]; // the kinds the other end may be
}

/** The relationship types the model allows with this kind at one end or the other. */
export function linkChoices(kind: Kind): LinkChoice[] {
  const label = labelOf[kind];
  const choices: LinkChoice[] = [];
  for (const [type, definition] of Object.entries(relationshipKinds) as [
    RelationshipType,
    (typeof relationshipKinds)[RelationshipType],
  ][]) {
    if ((definition.from as readonly Label[]).includes(label))
      choices.push({ type, out: true, others: definition.to.map((l) => kindOf[l]) });
    if ((definition.to as readonly Label[]).includes(label))
      choices.push({ type, out: false, others: definition.from.map((l) => kindOf[l]) });
  }
  return choices;
}
