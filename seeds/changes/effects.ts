import type { ManagedTransaction } from "neo4j-driver";
import { checkedLabel, checkedType, fillQuery } from "../../core/neo4j/cypher-template.ts";
import { propertiesOf, type Label, type RelationshipType } from "../../core/model/index.ts";
import { plain } from "./graph-reader.ts";
import { keyOfEntity, relationshipKey } from "../../core/change-keys.ts";
import type { ChangePlan } from "./plan-change.ts";

type End = { label: Label; slug: string };
type Props = Record<string, unknown>;

/**
 * What a change did, as before → after states: an entity's properties (null: it did not exist, or
 * no longer does), a relationship's properties (provenance links included). Applying a change and
 * reverting it run the same code: a revert applies the effects inverted, in reverse order.
 */
export type Effect =
  | { target: "entity"; key: string; label: Label; slug: string; before: Props | null; after: Props | null; fields: string[] }
  | {
      target: "relationship";
      key: string;
      type: RelationshipType | "SOURCED_FROM";
      from: End;
      to: End;
      before: Props | null;
      after: Props | null;
    };

type RelationshipEffect = Extract<Effect, { target: "relationship" }>;

/** A relationship going from `before` to `after` (null: absent), keyed as change records key it. */
function relationshipEffect(
  type: RelationshipEffect["type"],
  from: End,
  to: End,
  keyProps: Props,
  before: Props | null,
  after: Props | null,
): RelationshipEffect {
  return { target: "relationship", key: relationshipKey(type, from, to, keyProps), type, from, to, before, after };
}

/** The entity's provenance link to a source, as it was before the change (null: none). */
function provenanceBefore(write: ChangePlan["entityWrites"][number], source: string): Props | null {
  return write.before?.relationships.find((r) => r.type === "SOURCED_FROM" && r.out && r.slug === source)?.props ?? null;
}

/**
 * Whether search may answer differently after these effects: an entity made or removed, or one of
 * the properties the fulltext index holds (`search` in the model) changed. Relationships, and the
 * other properties, are not in it.
 */
export function touchesSearch(effects: Effect[]): boolean {
  return effects.some((effect) => {
    if (effect.target !== "entity") return false;
    const { before, after } = effect;
    if (before === null || after === null) return before !== after;
    return Object.entries(propertiesOf(effect.label)).some(
      ([name, property]) => property.search && JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null),
    );
  });
}

/** The effects of a validated plan, in the order they are written: deletions first, then writes, then links. */
export function effectsOf(plan: ChangePlan, changeId: string): Effect[] {
  const effects: Effect[] = [];
  const seen = new Set<string>();
  const push = (effect: Effect): void => {
    if (seen.has(effect.key)) return;
    seen.add(effect.key);
    effects.push(effect);
  };
  for (const r of plan.relationshipDeletes) push(relationshipEffect(r.type, r.from, r.to, r.props, r.props, null));
  for (const entity of plan.entityDeletes) {
    const self = { label: entity.label, slug: entity.slug };
    for (const r of entity.before.relationships) {
      const [from, to] = r.out ? [self, { label: r.label, slug: r.slug }] : [{ label: r.label, slug: r.slug }, self];
      const type = r.type as RelationshipType | "SOURCED_FROM";
      push(relationshipEffect(type, from, to, r.props, r.props, null));
    }
  }
  for (const entity of plan.entityDeletes)
    push({
      target: "entity",
      key: keyOfEntity(entity.label, entity.slug),
      label: entity.label,
      slug: entity.slug,
      before: entity.before.props,
      after: null,
      fields: Object.keys(entity.before.props),
    });
  if (plan.source.create) {
    const props = { slug: plan.source.slug, ...plan.source.create };
    push({
      target: "entity",
      key: keyOfEntity("Source", plan.source.slug),
      label: "Source",
      slug: plan.source.slug,
      before: null,
      after: props,
      fields: Object.keys(props),
    });
  }
  for (const write of plan.entityWrites) {
    const after: Props = { ...write.row.props, ...(write.row.location ? { location: write.row.location } : {}) };
    push({
      target: "entity",
      key: keyOfEntity(write.label, write.slug),
      label: write.label,
      slug: write.slug,
      before: write.before?.props ?? null,
      after,
      fields: write.fields,
    });
  }
  for (const r of plan.relationshipCreates) push(relationshipEffect(r.type, r.from, r.to, r.props, null, { ...r.props, change: changeId }));
  // Provenance: the change's source gave these fields of each entity it wrote, and says so in its quote.
  for (const write of plan.entityWrites) {
    const self = { label: write.label, slug: write.slug };
    // What the gazetteer gave (a commune's région, coordinates), as the loader records it.
    for (const given of write.gazetteer) {
      const to = { label: "Source" as const, slug: given.source };
      const existing = provenanceBefore(write, given.source);
      const fields = [...new Set([...((existing?.fields as string[] | undefined) ?? []), ...given.fields])].sort();
      if (existing && JSON.stringify(fields) === JSON.stringify([...((existing.fields as string[]) ?? [])].sort())) continue;
      const after = { fields, quotes: (existing?.quotes as string[] | undefined) ?? [] };
      push(relationshipEffect("SOURCED_FROM", self, to, {}, existing, after));
    }
    if (write.fields.length === 0) continue; // rewritten only to be placed again: the change's source gave nothing
    const source = { label: "Source" as const, slug: write.source };
    const existing = provenanceBefore(write, write.source);
    const fields = new Set([...((existing?.fields as string[] | undefined) ?? []), ...write.fields]);
    const quotes = new Set([...((existing?.quotes as string[] | undefined) ?? []), ...write.quotes]);
    const after = { fields: [...fields].sort(), quotes: [...quotes], change: changeId };
    push(relationshipEffect("SOURCED_FROM", self, source, {}, existing, after));
  }
  return effects;
}

/** The effects that undo these: each inverted, last first (a restored relationship gets back its own provenance). */
export function inverseOf(effects: Effect[]): Effect[] {
  return [...effects].reverse().map((effect) => ({ ...effect, before: effect.after, after: effect.before }) as Effect);
}

/** Writes effects in order, each from its `before` state to its `after` state. */
export async function writeEffects(tx: ManagedTransaction, effects: Effect[]): Promise<void> {
  // What is created from nothing is written in batches (an import makes thousands); the rest one by
  // one, in order. A batch is flushed before anything else is written, entities before relationships.
  const entities = new Map<Label, { slug: string; patch: Props; location: unknown }[]>();
  const relationships = new Map<
    string,
    { ends: { __FROM__: Label; __TO__: Label; __TYPE__: string }; rows: { from: string; to: string; props: Props }[] }
  >();
  const flush = async (): Promise<void> => {
    for (const [label, rows] of entities)
      for (let i = 0; i < rows.length; i += batchSize)
        await tx.run(fillQuery("changes/write-entities", { __LABEL__: checkedLabel(label) }), { rows: rows.slice(i, i + batchSize) });
    entities.clear();
    for (const { ends, rows } of relationships.values())
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        const { summary } = await tx.run(fillQuery("changes/create-relationships", ends), { rows: batch });
        if (summary.counters.updates().relationshipsCreated !== batch.length)
          throw new MissingEnd(`an end of a ${ends.__TYPE__} from ${ends.__FROM__} to ${ends.__TO__} is no longer in the graph`);
      }
    relationships.clear();
  };
  for (const effect of effects) {
    if (effect.target === "entity" && effect.before === null && effect.after !== null) {
      const { slug: _slug, location, ...patch } = effect.after;
      const rows = entities.get(effect.label) ?? entities.set(effect.label, []).get(effect.label)!;
      rows.push({ slug: effect.slug, patch, location: location ?? null });
    } else if (effect.target === "relationship" && effect.before === null && effect.after !== null) {
      const ends = {
        __FROM__: checkedLabel(effect.from.label),
        __TO__: checkedLabel(effect.to.label),
        __TYPE__: effect.type === "SOURCED_FROM" ? "SOURCED_FROM" : checkedType(effect.type),
      };
      const key = `${ends.__TYPE__}|${ends.__FROM__}|${ends.__TO__}`;
      const group = relationships.get(key) ?? relationships.set(key, { ends, rows: [] }).get(key)!;
      group.rows.push({ from: effect.from.slug, to: effect.to.slug, props: effect.after });
    } else {
      await flush();
      if (effect.target === "entity") await writeEntity(tx, effect);
      else await writeRelationship(tx, effect);
    }
  }
  await flush();
}
const batchSize = 2000;

async function writeEntity(tx: ManagedTransaction, effect: Extract<Effect, { target: "entity" }>): Promise<void> {
  const label = checkedLabel(effect.label);
  if (effect.after === null) {
    await tx.run(fillQuery("changes/delete-entity", { __LABEL__: label }), { slug: effect.slug });
    return;
  }
  // From its before state, only what differs is written: a revert leaves alone what later changes set.
  const patch: Props = {};
  for (const name of new Set([...Object.keys(effect.before ?? {}), ...Object.keys(effect.after)])) {
    if (name === "slug") continue;
    const value = effect.after[name] ?? null;
    if (JSON.stringify(value) !== JSON.stringify(effect.before?.[name] ?? null)) patch[name] = value;
  }
  const { location, ...rest } = patch;
  await tx.run(fillQuery("changes/write-entity", { __LABEL__: label }), {
    slug: effect.slug,
    patch: rest,
    setLocation: "location" in patch,
    location: location ?? null,
  });
}

async function writeRelationship(tx: ManagedTransaction, effect: Extract<Effect, { target: "relationship" }>): Promise<void> {
  const ends = { __FROM__: checkedLabel(effect.from.label), __TO__: checkedLabel(effect.to.label) };
  const type = effect.type === "SOURCED_FROM" ? "SOURCED_FROM" : checkedType(effect.type);
  if (effect.before !== null) {
    const { records } = await tx.run(fillQuery("changes/find-relationships", { ...ends, __TYPE__: type }), {
      from: effect.from.slug,
      to: effect.to.slug,
    });
    const found = records.find((r) => relationshipKey(effect.type, effect.from, effect.to, plain(r.get("props"))) === effect.key);
    if (found) await tx.run(fillQuery("changes/delete-relationship", {}), { id: found.get("id") });
  }
  if (effect.after !== null) {
    const { summary } = await tx.run(fillQuery("changes/create-relationship", { ...ends, __TYPE__: type }), {
      from: effect.from.slug,
      to: effect.to.slug,
      props: effect.after,
    });
    if (summary.counters.updates().relationshipsCreated !== 1)
      throw new MissingEnd(
        `${effect.from.label} "${effect.from.slug}" or ${effect.to.label} "${effect.to.slug}" is no longer in the graph`,
      );
  }
}

/** A relationship to restore whose end is gone (a later change deleted it). */
export class MissingEnd extends Error {}
