import { loadSeeds, listSeedFiles, SeedProblems } from "../seeds/load-seeds.ts";
import { formatProblem } from "../seeds/problem.ts";
import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import type { Logger } from "../core/logger.ts";
import { applySchema } from "../core/neo4j/apply-schema.ts";
import type { Database } from "../core/neo4j/open-database.ts";

/** Applies cypher/schema, then loads seeds/data if the graph is empty (a first start). */
export async function prepareGraph(database: Database, gazetteer: Gazetteer, seedOnStart: boolean, log: Logger): Promise<void> {
  await applySchema(database.driver, database.database, log);
  if (!seedOnStart) return;
  const { records } = await database.driver.executeQuery("MATCH (n) RETURN count(n) > 0 AS hasData", {}, { database: database.database });
  if (records[0]?.get("hasData")) return;
  try {
    const result = await loadSeeds(database.driver, database.database, listSeedFiles(), gazetteer, true);
    log.info({ entities: result.nodes, relationships: result.relationships }, "The graph was empty: seeds/data loaded");
  } catch (error) {
    if (error instanceof SeedProblems) {
      throw new Error(`seeds/data has problems; fix them (npm run seed -- --check):\n${error.problems.map(formatProblem).join("\n")}`, {
        cause: error,
      });
    }
    throw error;
  }
}
