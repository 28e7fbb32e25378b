import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import {
  givenPropertiesOf,
  isKind,
  isRelationshipType,
  labelOf,
  relationshipKinds,
  slugPattern,
  type Label,
  type RelationshipType,
} from "../../core/model/index.ts";
import { buildLoadPlan, type NodeRow } from "../build-load-plan.ts";
import { gazetteerSources } from "../check-territories.ts";
import { entityKey } from "../merge-entities.ts";
import { parseSeedFile } from "../parse-seed-file.ts";
import { ChangeDocument } from "./change-document.ts";
import type { FieldProblemReason } from "../../core/api-errors.ts";
import { maxOperations, type ChangeInput, type EntityRefInput, type FieldProblem, type OperationInput } from "./change-input.ts";
import type { EntityState, GraphReader } from "./graph-reader.ts";
import { relationshipKey } from "../../core/change-keys.ts";
import { checkVersion } from "./check-version.ts";
import { placed } from "./place-where-based.ts";
import { planSource } from "./plan-source.ts";
import { placeSeedProblem } from "./seed-problem-field.ts";

export interface EntityWrite {
  index: number; // of the operation
  op: "CREATE_ENTITY" | "UPDATE_ENTITY";
  label: Label;
  slug: string;
  row: NodeRow; // every property it will have
  gazetteer: { source: string; fields: string[] }[]; // what the gazetteer's sources (COG, GeoNames) give it
  before: EntityState | undefined;
  fields: string[]; // the properties this change gives or changes
  quotes: string[]; // the sentences of the source that state them
  source: string; // the Source that states them: the change's, or the operation's own (a referential: the COG)
}

export interface RelationshipWrite {
  index: number;
  type: RelationshipType;
  from: { label: Label; slug: string };
  to: { label: Label; slug: string };
  props: Record<string, unknown>; // its own, and its provenance (source, quote)
}

export interface RelationshipDelete extends RelationshipWrite {
  id: string;
}

/** What a change will write, validated against the graph as it is in the change's transaction. */
export interface ChangePlan {
  source: { slug: string; create: Record<string, unknown> | undefined };
  entityWrites: EntityWrite[];
  entityDeletes: { index: number; label: Label; slug: string; before: EntityState }[];
  relationshipCreates: RelationshipWrite[];
  relationshipDeletes: RelationshipDelete[];
}

export interface PlanOptions {
  gazetteer: Gazetteer;
  sourcesDir: string;
  author: string;
  today: string; // YYYY-MM-DD
  maxOperations?: number; // maxOperations unless said (imports: maxImportOperations)
  quotesRequired: boolean; // in the page, a change citing a source whose text is known quotes it; tools' drafts follow the seed files' rule (quotes checked when given)
}

/**
 * Checks a change the way the seed loader checks a file (it is written as one: change-document.ts),
 * plus what only a change can get wrong: an entity that exists already or no longer does, a version
 * someone else has moved on, a relationship that is not there to delete. Problems name the field.
 */
export async function planChange(
  input: ChangeInput,
  graph: GraphReader,
  options: PlanOptions,
): Promise<{ plan?: ChangePlan; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string, reason?: FieldProblemReason, params?: FieldProblem["params"]): void =>
    void problems.push({ field, message, ...(reason ? { reason } : {}), ...(params ? { params } : {}) });
  const ops = input.operations ?? [];
  if (ops.length === 0) problem("operations", "a change has at least one operation");
  const most = options.maxOperations ?? maxOperations;
  if (ops.length > most) problem("operations", `a change has at most ${most} operations; split it`);
  const source = await planSource(input, graph, options, problem);

  const ref = (value: EntityRefInput | null | undefined, field: string): { label: Label; slug: string } | undefined => {
    if (!value || !isKind(value.kind)) return void problem(`${field}.kind`, "name the kind of the entity");
    if (typeof value.slug !== "string" || !slugPattern.test(value.slug))
      return void problem(`${field}.slug`, `slug "${String(value.slug)}" must be lowercase ASCII words joined by hyphens`);
    return { label: labelOf[value.kind], slug: value.slug };
  };

  // 1. Each entity as it is now, and as it will be.
  const states = new Map<string, EntityState | undefined>();
  const state = async (label: Label, slug: string): Promise<EntityState | undefined> => {
    const key = entityKey(label, slug);
    if (!states.has(key)) states.set(key, await graph.entity(label, slug));
    return states.get(key);
  };
  // Every entity the change names, read at once: an import of thousands of rows in a few queries.
  const named = ops.flatMap((op) => [op.entity, op.relationship?.from, op.relationship?.to]);
  const mentioned = named.flatMap((value) =>
    value && isKind(value.kind) && typeof value.slug === "string" && slugPattern.test(value.slug)
      ? [{ label: labelOf[value.kind], slug: value.slug }]
      : [],
  );
  if (mentioned.length > 20) for (const [key, found] of await graph.entities(mentioned)) states.set(key, found);
  const deleted = new Set<string>();
  const created = new Set<string>();
  const touched = new Set<string>();
  const entityOps: {
    index: number;
    op: OperationInput;
    label: Label;
    slug: string;
    before: EntityState | undefined;
    props: Record<string, unknown>;
    fields: string[];
  }[] = [];
  const entityDeletes: ChangePlan["entityDeletes"] = [];
  for (const [index, op] of ops.entries()) {
    const at = `operations[${index}]`;
    if (op.op !== "CREATE_ENTITY" && op.op !== "UPDATE_ENTITY" && op.op !== "DELETE_ENTITY") continue;
    const target = ref(op.entity, `${at}.entity`);
    if (!target) continue;
    const key = entityKey(target.label, target.slug);
    if (touched.has(key)) {
      problem(`${at}.entity`, `${target.label} "${target.slug}" is changed by an earlier operation of this change; make it one operation`);
      continue;
    }
    touched.add(key);
    const before = await state(target.label, target.slug);
    if (op.op === "CREATE_ENTITY") {
      if (before) problem(`${at}.entity.slug`, `a ${target.label} with the slug "${target.slug}" exists already`, "exists");
      created.add(key);
      if (!isMap(op.properties ?? {})) problem(`${at}.properties`, "properties must be a map of property names to values");
      const props = isMap(op.properties) ? { ...op.properties } : {};
      entityOps.push({ index, op, ...target, before, props, fields: Object.keys(props).filter((p) => props[p] !== null) });
      continue;
    }
    if (!before) {
      problem(`${at}.entity.slug`, `no ${target.label} has the slug "${target.slug}"`, "not-found");
      continue;
    }
    await checkVersion(graph, op, key, at, problem);
    if (op.op === "DELETE_ENTITY") {
      if (target.label === "Source") {
        const citing = before.relationships.filter((r) => r.type === "SOURCED_FROM").length + (await graph.citations(target.slug));
        if (citing > 0) problem(`${at}.entity.slug`, `${citing} facts cite this source: give them another source, or delete them, first`);
      }
      deleted.add(key);
      entityDeletes.push({ index, ...target, before });
      continue;
    }
    if (!isMap(op.properties ?? {})) problem(`${at}.properties`, "properties must be a map of property names to values");
    const patch = isMap(op.properties) ? op.properties : {};
    if ("slug" in patch && patch.slug !== target.slug)
      problem(`${at}.properties.slug`, "a slug is the entity's permanent address: it cannot change");
    const given = givenProps(target.label, before.props);
    const fields = Object.keys(patch).filter(
      (name) => name !== "slug" && JSON.stringify(patch[name] ?? null) !== JSON.stringify(given[name] ?? null),
    );
    if (fields.length === 0) problem(`${at}.properties`, "this update changes nothing");
    const props = { ...given };
    for (const name of fields) props[name] = patch[name];
    entityOps.push({ index, op, ...target, before, props, fields });
  }

  // 2. Relationships: their ends exist (or are created here, and not deleted), and a deleted one is there.
  const known = async (end: { label: Label; slug: string }): Promise<boolean> => {
    const key = entityKey(end.label, end.slug);
    return !deleted.has(key) && (created.has(key) || (await state(end.label, end.slug)) !== undefined);
  };
  const relationshipOps: {
    index: number;
    op: OperationInput;
    type: RelationshipType;
    from: { label: Label; slug: string };
    to: { label: Label; slug: string };
    props: Record<string, unknown>;
  }[] = [];
  const relationshipDeletes: RelationshipDelete[] = [];
  const seen = new Set<string>();
  for (const [index, op] of ops.entries()) {
    const at = `operations[${index}]`;
    if (op.op !== "CREATE_RELATIONSHIP" && op.op !== "DELETE_RELATIONSHIP") {
      if (!["CREATE_ENTITY", "UPDATE_ENTITY", "DELETE_ENTITY"].includes(op.op)) problem(`${at}.op`, `unknown operation ${String(op.op)}`);
      continue;
    }
    const r = op.relationship;
    if (!r) {
      problem(`${at}.relationship`, `${op.op} needs its relationship (type, from, to)`);
      continue;
    }
    if (!isRelationshipType(r.type)) {
      problem(`${at}.relationship.type`, `relationship type "${r.type}" is unknown; known: ${Object.keys(relationshipKinds).join(", ")}`);
      continue;
    }
    const type: RelationshipType = r.type;
    const from = ref(r.from, `${at}.relationship.from`);
    const to = ref(r.to, `${at}.relationship.to`);
    if (!from || !to) continue;
    const kind = relationshipKinds[type];
    if (!(kind.from as readonly Label[]).includes(from.label) || !(kind.to as readonly Label[]).includes(to.label)) {
      problem(
        `${at}.relationship.type`,
        `${type} goes from ${kind.from.join("/")} to ${kind.to.join("/")}, not from ${from.label} to ${to.label}`,
      );
      continue;
    }
    for (const [end, field] of [
      [from, "from"],
      [to, "to"],
    ] as const)
      if (!(await known(end)))
        problem(
          `${at}.relationship.${field}`,
          `no ${end.label} has the slug "${end.slug}"${deleted.has(entityKey(end.label, end.slug)) ? " once this change deletes it" : ""}`,
        );
    if (!isMap(r.properties ?? {})) problem(`${at}.relationship.properties`, "properties must be a map of property names to values");
    const props = isMap(r.properties) ? { ...r.properties } : {};
    const key = relationshipKey(type, from, to, props);
    if (seen.has(key)) {
      problem(`${at}.relationship`, "this relationship is named by an earlier operation of this change");
      continue;
    }
    seen.add(key);
    const fromState = states.get(entityKey(from.label, from.slug));
    const existingOnes =
      created.has(entityKey(from.label, from.slug)) || created.has(entityKey(to.label, to.slug))
        ? []
        : op.op === "CREATE_RELATIONSHIP" && fromState
          ? // Read with its entity already: whether it exists needs no query of its own (a deletion needs its id).
            fromState.relationships
              .filter((r) => r.out && r.type === type && r.label === to.label && r.slug === to.slug)
              .map((r) => ({ id: "", props: r.props }))
          : await graph.relationships(type, from, to);
    const match = existingOnes.find((e) => relationshipKey(type, from, to, e.props) === key);
    if (op.op === "CREATE_RELATIONSHIP") {
      if (match) problem(`${at}.relationship`, `this ${type} from "${from.slug}" to "${to.slug}" exists already`);
      relationshipOps.push({ index, op, type: type, from, to, props });
    } else if (!match) problem(`${at}.relationship`, `there is no such ${type} from "${from.slug}" to "${to.slug}" to delete`);
    else relationshipDeletes.push({ index, id: match.id, type: type, from, to, props: match.props });
  }
  if (problems.length > 0 || !source) return { problems };

  // An ally linked to or unlinked from where it is based stands elsewhere now: it is rewritten too.
  for (const r of [...relationshipOps, ...relationshipDeletes]) {
    const key = entityKey(r.from.label, r.from.slug);
    if (r.type !== "BASED_IN" || touched.has(key) || deleted.has(key)) continue;
    touched.add(key);
    const before = await state(r.from.label, r.from.slug);
    if (before)
      entityOps.push({
        index: r.index,
        op: { op: "UPDATE_ENTITY" },
        ...r.from,
        before,
        props: givenProps(r.from.label, before.props),
        fields: [],
      });
  }

  // 3. The seed loader's checks, on the change written as a seed file.
  const document = new ChangeDocument(source.slug);
  if (source.create) document.addEntity("Source", source.slug, source.create, [], "source", (name) => `source.document.${name}`);
  for (const entity of entityOps) {
    const at = `operations[${entity.index}]`;
    document.addEntity(
      entity.label,
      entity.slug,
      entity.props,
      quotesOf(entity.op, input),
      at,
      (name) => `${at}.properties.${name}`,
      entity.op.source ?? undefined,
    );
  }
  for (const r of relationshipOps)
    document.addRelationship(
      r.type,
      `${r.from.label}/${r.from.slug}`,
      `${r.to.label}/${r.to.slug}`,
      r.props,
      quotesOf(r.op, input)[0],
      `operations[${r.index}].relationship`,
      r.op.source ?? undefined,
    );
  const { text, fieldAt } = document.render();
  const file = parseSeedFile("change", text);
  const refs = new Map<string, { label: Label; slug: string }>();
  const addRef = (label: Label, slug: string): void => void refs.set(entityKey(label, slug), { label, slug });
  for (const r of relationshipOps) [r.from, r.to].forEach((end) => addRef(end.label, end.slug));
  if (!source.create) addRef("Source", source.slug);
  for (const slug of [gazetteerSources.names, gazetteerSources.coordinates]) addRef("Source", slug);
  for (const op of ops) if (typeof op.source === "string" && slugPattern.test(op.source)) addRef("Source", op.source);
  for (const entity of entityOps)
    for (const r of entity.before?.relationships ?? []) if (r.type === "BASED_IN" && r.out) addRef(r.label, r.slug);
  const existing = await graph.existing([...refs.values()].filter((r) => !deleted.has(entityKey(r.label, r.slug))));
  const { plan, problems: seedProblems } = buildLoadPlan([file], {
    sourcesDir: options.sourcesDir,
    gazetteer: options.gazetteer,
    existing,
  });
  for (const p of seedProblems) {
    const { field, reason, params } = placeSeedProblem(p.message, fieldAt(p.line), input);
    problem(field, p.message, reason, params);
  }
  if (!plan) return { problems };

  return {
    problems,
    plan: {
      source,
      entityWrites: entityOps.map((entity) => ({
        index: entity.index,
        op: entity.op.op as EntityWrite["op"],
        label: entity.label,
        slug: entity.slug,
        ...placed(plan, existing, entity, relationshipOps, relationshipDeletes),
        before: entity.before,
        fields: entity.fields,
        quotes: quotesOf(entity.op, input),
        source: entity.op.source ?? source.slug,
      })),
      entityDeletes,
      relationshipCreates: relationshipOps.map((r) => {
        const quote = quotesOf(r.op, input)[0];
        return {
          index: r.index,
          type: r.type,
          from: r.from,
          to: r.to,
          props: { ...r.props, source: r.op.source ?? source.slug, ...(quote ? { quote } : {}) },
        };
      }),
      relationshipDeletes,
    },
  };
}

/** The sentences that state an operation's facts: its own quotes, else the one given with the source. */
function quotesOf(op: OperationInput, input: ChangeInput): string[] {
  const own = [...(op.quotes ?? []), ...(op.quote ? [op.quote] : [])].map((q) => q.trim()).filter(Boolean);
  if (own.length) return own;
  const shared = input.source.quote?.trim();
  return shared ? [shared] : [];
}

/** The properties a file could give (what the loader derives from the gazetteer comes back by itself). */
function givenProps(label: Label, props: Record<string, unknown>): Record<string, unknown> {
  const given = givenPropertiesOf(label);
  const derivedLocation = typeof props.locationPrecision === "string" && props.locationPrecision !== "seed";
  return Object.fromEntries(
    Object.entries(props).filter(
      ([name]) =>
        name !== "slug" &&
        name in given &&
        !(name === "location" && derivedLocation) &&
        name !== "locationPrecision" &&
        name !== "locationApproximate",
    ),
  );
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
