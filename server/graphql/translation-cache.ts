import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { labels } from "../../core/model/index.ts";
import { recorder, type Captured } from "./recording-driver.ts";
import { readOnce } from "../../core/neo4j/read-once.ts";

/**
 * @neo4j/graphql translates each request of its generated queries (`initiatives(where: …)`) to
 * Cypher anew: resolve tree, query AST, Cypher builder, about as long as the query itself on an
 * index. The Cypher depends only on the request's shape, so it is translated once per operation,
 * field and shape of the variables, and later requests run it with their own values.
 *
 * Which parameter holds which variable is learnt, not guessed: after the first request (answered as
 * usual), the field is translated once more with a unique value in place of each String, ID and
 * Float variable, without running it; a shape is cached only when that gives the same Cypher, every
 * such value lands as a whole parameter, and the plan rebuilds the first request's parameters
 * exactly. Anything else (a value escaped or folded into the Cypher; Ints, which a limit clamps;
 * enums, booleans, lists and input objects, whose values can change the Cypher) is part of the shape
 * or left uncached.
 * This holds because no type of the schema has authorization rules (nothing of the caller's token
 * goes into the Cypher); a request that brings its own transaction (context.executionContext) is
 * left to @neo4j/graphql.
 */
export interface TranslationCacheStats {
  hits: number;
  misses: number;
  uncacheable: number;
}

interface Slot {
  path: string[];
  variable: string;
}

interface Plan {
  cypher: string;
  template: Record<string, unknown>;
  slots: Slot[];
}

interface ExecutionContext {
  executionContext?: unknown;
  sessionConfig?: { database?: string };
  transaction?: { timeout?: number };
}

const MAX_SHAPES_PER_OPERATION = 64; // a variable of a list or enum type varies the shape: bounded
// Values that only ever travel as parameters. Not Int: @neo4j/graphql clamps a limit to its type's
// @limit(max), so an Int's value can change the parameter, and is part of the shape instead.
const sentinelTypes = new Set(["String", "ID", "Float"]);
const entityTypes = new Set<string>(labels);

/** Wraps the generated list queries of the schema's Query type (territories, allies…) with the cache. */
export function cacheTranslations(
  schema: GraphQLSchema,
  driver: Driver,
  customFields: ReadonlySet<string>,
  stats: TranslationCacheStats = { hits: 0, misses: 0, uncacheable: 0 },
): TranslationCacheStats {
  const plans = new WeakMap<OperationDefinitionNode, Map<string, Plan | null>>();
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const type = getNamedType(field.type);
    if (customFields.has(field.name) || !field.resolve || !isObjectType(type) || !entityTypes.has(type.name)) continue;
    if (field.type.toString() !== `[${type.name}!]!`) continue; // the find queries; connections post-process their rows
    field.resolve = cachedResolver(field, field.resolve, driver, plans, stats);
  }
  return stats;
}

function cachedResolver(
  field: GraphQLField<unknown, ExecutionContext>,
  resolve: GraphQLFieldResolver<unknown, ExecutionContext>,
  driver: Driver,
  plans: WeakMap<OperationDefinitionNode, Map<string, Plan | null>>,
  stats: TranslationCacheStats,
): GraphQLFieldResolver<unknown, ExecutionContext> {
  return async (root, args, context, info) => {
    if (context.executionContext) return resolve(root, args, context, info);
    const key = shapeKey(info);
    let shapes = plans.get(info.operation);
    if (!shapes) plans.set(info.operation, (shapes = new Map()));
    const plan = shapes.get(key);
    if (plan) {
      stats.hits++;
      return run(driver, plan, info.variableValues, context);
    }
    if (plan === null || shapes.size >= MAX_SHAPES_PER_OPERATION) return resolve(root, args, context, info);
    stats.misses++;
    const real = recorder(driver);
    const answer = await resolve(root, args, { ...context, executionContext: real.driver }, info);
    // The process's first request also asks Neo4j its version: learnt on a later one.
    if (real.runs.length !== 1) return answer;
    const learnt = await learn(field, resolve, root, context, info, real.runs[0]!);
    if (!learnt) stats.uncacheable++;
    shapes.set(key, learnt);
    return answer;
  };
}

/** The response key, and each variable's type — or its value, where a value can change the Cypher. */
function shapeKey(info: GraphQLResolveInfo): string {
  const parts = [info.path.key];
  for (const definition of info.operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const value = info.variableValues[name];
    parts.push(
      value !== null && value !== undefined && sentinelTypes.has(namedTypeOf(definition.type))
        ? `${name}:${typeof value}`
        : `${name}=${JSON.stringify(value)}`,
    );
  }
  return parts.join("\u0000");
}

/** Translates the field again with a unique value per variable, without running it, and reads where each lands. */
async function learn(
  field: GraphQLField<unknown, ExecutionContext>,
  resolve: GraphQLFieldResolver<unknown, ExecutionContext>,
  root: unknown,
  context: ExecutionContext,
  info: GraphQLResolveInfo,
  real: Captured,
): Promise<Plan | null> {
  const sentinels = new Map<unknown, string>();
  const probeVariables: Record<string, unknown> = { ...info.variableValues };
  (info.operation.variableDefinitions ?? []).forEach((definition, index) => {
    const name = definition.variable.name.value;
    const type = namedTypeOf(definition.type);
    if (probeVariables[name] === null || probeVariables[name] === undefined || !sentinelTypes.has(type)) return;
    const sentinel = type === "Float" ? 0.5 + (index + 1) / 4096 : `\u0001probe-${index}-${name}\u0001`;
    probeVariables[name] = sentinel;
    sentinels.set(sentinel, name);
  });
  let probeArgs: Record<string, unknown>;
  try {
    probeArgs = getArgumentValues(field as GraphQLField<unknown, unknown>, info.fieldNodes[0]!, probeVariables);
  } catch {
    return null; // a unique value the argument does not accept
  }
  const probe = recorder(undefined);
  try {
    await resolve(root, probeArgs, { ...context, executionContext: probe.driver }, { ...info, variableValues: probeVariables });
  } catch {
    return null;
  }
  if (probe.runs.length !== 1 || probe.runs[0]!.cypher !== real.cypher) return null;
  const slots: Slot[] = [];
  const walk = (value: unknown, path: string[]): void => {
    const variable = sentinels.get(value);
    if (variable !== undefined) return void slots.push({ path, variable });
    if (typeof value === "object" && value !== null && (Array.isArray(value) || value.constructor === Object))
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(probe.runs[0]!.params, []);
  const plan = { cypher: real.cypher, template: probe.runs[0]!.params, slots };
  // The plan must give back the parameters the first request ran with, value for value.
  return sameValue(fill(plan, info.variableValues), real.params) ? plan : null;
}

function fill(plan: Plan, variables: Record<string, unknown>): Record<string, unknown> {
  const params = { ...plan.template };
  for (const slot of plan.slots) {
    let holder: Record<string, unknown> = params;
    for (const key of slot.path.slice(0, -1)) {
      const child = holder[key] as Record<string, unknown>;
      holder = holder[key] = Array.isArray(child) ? ([...child] as unknown as Record<string, unknown>) : { ...child };
    }
    holder[slot.path.at(-1)!] = variables[slot.variable];
  }
  return params;
}

async function run(driver: Driver, plan: Plan, variables: Record<string, unknown>, context: ExecutionContext): Promise<unknown[]> {
  const records = await readOnce(
    driver,
    context.sessionConfig?.database ?? "neo4j",
    plan.cypher,
    fill(plan, variables),
    context.transaction?.timeout,
  );
  return records.map((record) => record.get("this"));
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === "NamedType" ? type.name.value : namedTypeOf(type.type);
}

/** Parameters compared value for value (Integers by value, lists and maps member by member). */
function sameValue(a: unknown, b: unknown): boolean {
  if (neo4j.isInt(a as never) || neo4j.isInt(b as never)) return String(a) === String(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const plain = (value: object) => Array.isArray(value) || value.constructor === Object;
  if (!plain(a) || !plain(b)) return String(a) === String(b); // points, temporal values
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
