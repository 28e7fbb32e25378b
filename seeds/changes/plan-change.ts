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
import { slugify } from "../../core/text/normalize.ts";
import { buildLoadPlan, nodeRow, provenanceRows, type LoadPlan, type NodeRow } from "../build-load-plan.ts";
import { gazetteerSources } from "../check-territories.ts";
import type { ExistingEntity } from "../existing-entity.ts";
import { entityKey } from "../merge-entities.ts";
import { parseSeedFile } from "../parse-seed-file.ts";
import { ChangeDocument } from "./change-document.ts";
import type { FieldProblemReason } from "../../core/api-errors.ts";
import { maxOperations, type ChangeInput, type EntityRefInput, type FieldProblem, type OperationInput } from "./change-input.ts";
import type { EntityState, GraphReader } from "./graph-reader.ts";
import { relationshipKey } from "../../core/change-keys.ts";

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
  if (ops.length > maxOperations) problem("operations", `a change has at most ${maxOperations} operations; split it`);
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
    const existingOnes =
      created.has(entityKey(from.label, from.slug)) || created.has(entityKey(to.label, to.slug))
        ? []
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
    document.addEntity(entity.label, entity.slug, entity.props, quotesOf(entity.op, input), at, (name) => `${at}.properties.${name}`);
  }
  for (const r of relationshipOps)
    document.addRelationship(
      r.type,
      `${r.from.label}/${r.from.slug}`,
      `${r.to.label}/${r.to.slug}`,
      r.props,
      quotesOf(r.op, input)[0],
      `operations[${r.index}].relationship`,
    );
  const { text, fieldAt } = document.render();
  const file = parseSeedFile("change", text);
  const refs = new Map<string, { label: Label; slug: string }>();
  const addRef = (label: Label, slug: string): void => void refs.set(entityKey(label, slug), { label, slug });
  for (const r of relationshipOps) [r.from, r.to].forEach((end) => addRef(end.label, end.slug));
  if (!source.create) addRef("Source", source.slug);
  for (const slug of [gazetteerSources.names, gazetteerSources.coordinates]) addRef("Source", slug);
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
      })),
      entityDeletes,
      relationshipCreates: relationshipOps.map((r) => {
        const quote = quotesOf(r.op, input)[0];
        return {
          index: r.index,
          type: r.type,
          from: r.from,
          to: r.to,
          props: { ...r.props, source: source.slug, ...(quote ? { quote } : {}) },
        };
      }),
      relationshipDeletes,
    },
  };
}

/**
 * Where a seed-loader problem belongs in the change, and its reason for the page: a missing
 * property or a quote not found is reported at its entity's first line, not at the field.
 */
function placeSeedProblem(message: string, field: string, input: ChangeInput): Pick<FieldProblem, "field" | "reason" | "params"> {
  const operation = /^operations\[(\d+)\]/.exec(field);
  const missing = /is missing "(\w+)"/.exec(message);
  if (missing && operation)
    return { field: `${operation[0]}.properties.${missing[1]}`, reason: "required", params: { property: missing[1]! } };
  if (/^quote not found/.test(message)) {
    const op = operation ? input.operations[Number(operation[1])] : undefined;
    const own = op && (op.quote || op.quotes?.length);
    return { field: own && operation ? `${operation[0]}.quote` : "source.quote", reason: "quote-not-found" };
  }
  const official = /the COG calls \S+ "([^"]+)"/.exec(message);
  if (official) return { field, reason: "cog-name", params: { official: official[1]! } };
  if (/: (expected |.* is (below|above) |"[^"]*" has no )/.test(message)) return { field, reason: "invalid-value" };
  return { field };
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

/**
 * The entity's row as the loader makes it, and what the gazetteer gave it. An ally without a location
 * of its own stands where it is based after the change (the loader only sees the relationships the
 * change names, not those already in the graph).
 */
function placed(
  plan: LoadPlan,
  existing: Map<string, ExistingEntity>,
  entity: { label: Label; slug: string; before: EntityState | undefined; props: Record<string, unknown> },
  creates: { type: string; from: { label: Label; slug: string }; to: { label: Label; slug: string } }[],
  deletes: { type: string; from: { label: Label; slug: string }; to: { label: Label; slug: string } }[],
): Pick<EntityWrite, "row" | "gazetteer"> {
  const merged = plan.nodes.find((n) => n.label === entity.label)!.entities.find((e) => e.slug === entity.slug)!;
  const row = nodeRow(plan, merged);
  if (entity.label === "Ally" && entity.props.location === undefined) {
    const self = (r: { from: { label: Label; slug: string } }) => r.from.label === "Ally" && r.from.slug === entity.slug;
    const gone = new Set(deletes.filter((r) => r.type === "BASED_IN" && self(r)).map((r) => entityKey(r.to.label, r.to.slug)));
    const targets = [
      ...creates.filter((r) => r.type === "BASED_IN" && self(r)).map((r) => entityKey(r.to.label, r.to.slug)),
      ...(entity.before?.relationships ?? []).filter((r) => r.type === "BASED_IN" && r.out).map((r) => entityKey(r.label, r.slug)),
    ].filter((key) => !gone.has(key));
    const where = targets.map((key) => plan.locations.get(key) ?? existing.get(key)?.location).find((location) => location !== undefined);
    delete row.props.locationPrecision;
    delete row.props.locationApproximate;
    row.location = where ? { latitude: where.latitude, longitude: where.longitude } : null;
    if (where)
      Object.assign(row.props, {
        locationPrecision: `based-in:${where.precision.replace(/^based-in:/, "")}`,
        locationApproximate: where.approximate,
      });
  }
  const gazetteer = provenanceRows(plan, merged)
    .filter((p) => p.source === gazetteerSources.names)
    .map(({ source, fields }) => ({ source, fields }));
  if (row.location && row.props.locationPrecision !== "seed")
    gazetteer.push({ source: gazetteerSources.coordinates, fields: ["location"] });
  return { row, gazetteer };
}

async function checkVersion(
  graph: GraphReader,
  op: OperationInput,
  key: string,
  at: string,
  problem: (field: string, message: string, reason?: FieldProblemReason, params?: FieldProblem["params"]) => void,
): Promise<void> {
  const changes = await graph.changesTouching([key]);
  if (typeof op.version !== "number") {
    problem(`${at}.version`, `name the version of the entity you edit (it is ${changes.length} now)`);
    return;
  }
  if (op.version === changes.length) return;
  const later = changes.slice(op.version);
  const what = later
    .map((c) => `${c.author} on ${c.appliedAt.slice(0, 16).replace("T", " ")} (${(c.fields[key] ?? []).join(", ") || "the entity"})`)
    .join("; ");
  problem(
    `${at}.version`,
    `someone changed it since version ${op.version}: ${what || `it is at version ${changes.length}`}. Reload it and apply your change again.`,
    "stale",
    { what, version: changes.length },
  );
}

/** The change's source: one already in the graph, a new document, or a first-hand statement. */
async function planSource(
  input: ChangeInput,
  graph: GraphReader,
  options: PlanOptions,
  problem: (field: string, message: string, reason?: FieldProblemReason) => void,
): Promise<ChangePlan["source"] | undefined> {
  const { slug, document, statement, quote } = input.source ?? {};
  const given = [slug, document, statement].filter((s) => s !== undefined && s !== null).length;
  if (given !== 1) {
    problem(
      "source",
      "a change needs one source: an existing source (slug), a document (title, publisher) or a first-hand statement (by, on)",
    );
    return undefined;
  }
  if (slug) {
    const createdHere = input.operations.find((op) => op.op === "CREATE_ENTITY" && op.entity?.kind === "source" && op.entity.slug === slug);
    if (createdHere) return { slug, create: undefined }; // a new source and what it states, in one change (an import)
    const existing = await graph.entity("Source", slug);
    if (!existing) return void problem("source.slug", `no source has the slug "${slug}"`, "not-found");
    if (
      options.quotesRequired &&
      typeof existing.props.file === "string" &&
      !quote?.trim() &&
      !input.operations.every((op) => op.quote?.trim() || op.quotes?.length || op.op.startsWith("DELETE"))
    )
      return void problem("source.quote", "quote the sentence of this source that states the change (it is checked word for word)");
    return { slug, create: undefined };
  }
  if (document) {
    if (!quote?.trim()) return void problem("source.quote", "quote the sentence of the document that states the change");
    const props = {
      title: document.title,
      publisher: document.publisher,
      kind: "document",
      ...(document.year ? { year: document.year } : {}),
      ...(document.url ? { url: document.url } : {}),
    };
    return reuseOrCreate(graph, slugify(document.title) || "document", props);
  }
  const { by, on } = statement!;
  if (!by?.trim()) return void problem("source.statement.by", "say who makes the statement");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on ?? "")) return void problem("source.statement.on", "give the date of the statement as YYYY-MM-DD");
  const props = {
    title: `Déclaration de ${by.trim()} (${on})`,
    publisher: by.trim(),
    kind: "statement",
    year: Number(on.slice(0, 4)),
    note: `Recorded by ${options.author} on ${options.today}`,
  };
  return reuseOrCreate(graph, slugify(`declaration ${by} ${on}`), props);
}

/** The Source of that title and publisher if the graph has it already, else a new one with a free slug. */
async function reuseOrCreate(graph: GraphReader, base: string, props: Record<string, unknown>): Promise<ChangePlan["source"]> {
  const root = base.slice(0, 60).replace(/-+$/, "");
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? root : `${root}-${n}`;
    const existing = await graph.entity("Source", slug);
    if (!existing) return { slug, create: props };
    if (existing.props.title === props.title && existing.props.publisher === props.publisher) return { slug, create: undefined };
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
