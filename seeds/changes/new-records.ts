import { keyOfEntity } from "../../core/change-keys.ts";
import type { ChangeInput } from "./change-input.ts";
import type { ChangeKind, ChangeRecord } from "./change-record.ts";
import type { Actor } from "./change-service.ts";
import type { Effect } from "./effects.ts";

/** A change held for review, as its record starts. */
export function emptyRecord(id: string, input: ChangeInput, author: Actor, kind: ChangeKind): Omit<ChangeRecord, "createdAt"> {
  return {
    id,
    status: "pending",
    kind,
    author: author.username,
    authorRole: author.role,
    appliedAt: undefined,
    seq: undefined,
    reviewedBy: undefined,
    reviewedAt: undefined,
    comment: undefined,
    note: input.note ?? undefined,
    input,
    sourceSlug: undefined,
    effects: [],
    keys: [],
    mentions: [],
    fields: {},
    revertOf: undefined,
    revertedBy: undefined,
  };
}

export function appliedRecord(
  id: string,
  input: ChangeInput,
  author: Actor,
  kind: ChangeKind,
  effects: Effect[],
  seq: number,
): Omit<ChangeRecord, "createdAt"> {
  const keys: string[] = [];
  const mentions = new Set<string>();
  const fields: Record<string, string[]> = {};
  for (const effect of effects) {
    keys.push(effect.key);
    if (effect.target === "entity") fields[effect.key] = effect.fields;
    else {
      mentions.add(keyOfEntity(effect.from.label, effect.from.slug));
      mentions.add(keyOfEntity(effect.to.label, effect.to.slug));
    }
  }
  return {
    ...emptyRecord(id, input, author, kind),
    status: "applied",
    appliedAt: new Date().toISOString(),
    seq,
    sourceSlug: input.source.slug ?? undefined,
    effects,
    keys,
    mentions: [...mentions],
    fields,
  };
}
