import { graphql } from "graphql";
import type { Driver } from "neo4j-driver";
import { buildSchema } from "../server/graphql/build-schema.ts";
import { recorder } from "../server/graphql/recording-driver.ts";
import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";

/**
 * The Cypher @neo4j/graphql generates for a query, with its parameters: the query runs with a
 * recording execution context (server/graphql/recording-driver.ts). The raw-driver baseline then runs exactly that.
 */
export async function captureGeneratedCypher(driver: Driver, gazetteer: Gazetteer, query: string, variables: Record<string, unknown>) {
  const recording = recorder(driver);
  const schema = await buildSchema({ driver, database: "neo4j", gazetteer });
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    contextValue: { sessionConfig: { database: "neo4j" }, executionContext: recording.driver },
  });
  if (result.errors?.length) throw new Error(`captureGeneratedCypher: ${result.errors[0]!.message}`);
  const last = recording.runs.at(-1); // the first request of a process also asks Neo4j its version
  if (!last) throw new Error("captureGeneratedCypher: nothing was run");
  return last;
}
