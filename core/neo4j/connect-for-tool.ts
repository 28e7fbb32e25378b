import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createDriver } from "./create-driver.ts";
import { openDatabase, type Database } from "./open-database.ts";

/**
 * For command-line tools (seed, import, export): NEO4J_URI if set; else the embedded Neo4j that
 * `npm start` is running on 127.0.0.1:NEO4J_BOLT_PORT; else the embedded Neo4j started for the
 * tool's run and stopped after it.
 */
export async function connectForTool(config: Config, log: Logger): Promise<Database> {
  if (!config.neo4j.uri) {
    const uri = `bolt://127.0.0.1:${config.neo4j.embedded.boltPort}`;
    const probe = createDriver({ uri, username: "neo4j", password: "" });
    try {
      await probe.getServerInfo();
      log.info({ uri }, "Using the embedded Neo4j that is already running");
      return openDatabase({ ...config.neo4j, uri, password: "" }, log);
    } catch {
      log.info("No Neo4j is running on that port; starting the embedded Neo4j for this run");
    } finally {
      await probe.close();
    }
  }
  return openDatabase(config.neo4j, log);
}
