import { graphql } from "graphql";
import type { Driver } from "neo4j-driver";
import { buildSchema } from "../server/graphql/build-schema.ts";
import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";

/**
 * The Cypher @neo4j/graphql generates for a query, with its parameters: the schema is built over a
 * driver that records what it is asked to run. The raw-driver baseline then runs exactly that.
 */
export async function captureGeneratedCypher(driver: Driver, gazetteer: Gazetteer, query: string, variables: Record<string, unknown>) {
  const recorded: { cypher: string; params: Record<string, unknown> }[] = [];
  const recordingTx = (tx: any) =>
    new Proxy(tx, {
      get: (target, key) =>
        key === "run"
          ? (cypher: string, params: Record<string, unknown>) => (recorded.push({ cypher, params }), target.run(cypher, params))
          : bound(target, key),
    });
  const recordingSession = (session: any) =>
    new Proxy(session, {
      get: (target, key) => {
        if (key === "executeRead" || key === "executeWrite")
          return (work: (tx: unknown) => unknown, config?: unknown) => target[key]((tx: unknown) => work(recordingTx(tx)), config);
        if (key === "run")
          return (cypher: string, params: Record<string, unknown>) => (recorded.push({ cypher, params }), target.run(cypher, params));
        return bound(target, key);
      },
    });
  const recordingDriver = new Proxy(driver, {
    get: (target, key) => (key === "session" ? (config: unknown) => recordingSession((target as any).session(config)) : bound(target, key)),
  });
  const schema = await buildSchema({ driver: recordingDriver as Driver, database: "neo4j", gazetteer });
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    contextValue: { sessionConfig: { database: "neo4j" } },
  });
  if (result.errors?.length) throw new Error(`captureGeneratedCypher: ${result.errors[0]!.message}`);
  const last = recorded.at(-1);
  if (!last) throw new Error("captureGeneratedCypher: nothing was run");
  return last;
}

function bound(target: any, key: PropertyKey): unknown {
  const value = target[key];
  return typeof value === "function" ? value.bind(target) : value;
}
