import type { ManagedTransaction } from "neo4j-driver";
import { keyOfEntity } from "../../core/change-keys.ts";
import { isLabel, labelOf, type Kind, type Label } from "../../core/model/index.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../core/neo4j/cypher-template.ts";
import type { ChangeInput } from "./change-input.ts";
import type { Effect } from "./effects.ts";

export interface EntityRef {
  label: Label;
  slug: string;
}

/**
 * Changes that touch different entities apply side by side; two that touch the same one apply one
 * after the other. Each transaction first takes Neo4j's write locks on the entities it names
 * (held until it commits or rolls back), in the order of their keys so that two changes wait for
 * each other rather than deadlock; only then does it read the versions its operations name. So the
 * stale-version refusal stays exact: the second of two editors of an entity reads the first's
 * committed change. Entities that do not exist yet are guarded by the slug constraints at commit
 * (the service plans again when one fails, and the plan says the entity exists).
 */
export async function lockEntities(tx: ManagedTransaction, refs: EntityRef[]): Promise<void> {
  const sorted = [...new Map(refs.map((ref) => [keyOfEntity(ref.label, ref.slug), ref])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, ref]) => ref);
  if (sorted.length) await tx.run(fillQuery("changes/lock-entities", {}), { refs: sorted });
}

/** The entities a change's input names: those it creates, updates or deletes, and its relationships' ends. */
export function entitiesNamedBy(input: ChangeInput): EntityRef[] {
  const refs: EntityRef[] = [];
  const add = (ref: { kind?: string; slug?: string } | null | undefined): void => {
    const label = ref?.kind ? labelOf[ref.kind as Kind] : undefined;
    if (label && typeof ref?.slug === "string") refs.push({ label, slug: ref.slug });
  };
  for (const op of input.operations ?? []) {
    add(op.entity);
    add(op.relationship?.from);
    add(op.relationship?.to);
  }
  return refs;
}

/** The entities a change's effects touched: what a revert of it locks. */
export function entitiesTouchedBy(effects: Effect[]): EntityRef[] {
  return effects.flatMap((effect) =>
    effect.target === "entity"
      ? [{ label: effect.label, slug: effect.slug }]
      : [effect.from, effect.to].filter((end) => isLabel(end.label)),
  );
}

/**
 * The last statement of an applied change: moves the graph's version on and gives it to the change
 * as its order (seq). Last, so that the version counter — the one node every change writes — is
 * locked only between that statement and the commit, not while the change plans and writes.
 */
export async function stampVersion(tx: ManagedTransaction, changeId: string): Promise<number> {
  const { records } = await tx.run(readQuery("changes/stamp-version"), { id: changeId });
  return Number(records[0]!.get("version"));
}
