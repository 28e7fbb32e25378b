import type { Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { checkApoc } from "./check-apoc.ts";
import { createDriver, type DriverOptions } from "./create-driver.ts";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "./start-embedded-neo4j.ts";
import { waitForNeo4j } from "./wait-for-neo4j.ts";
import { superviseEmbeddedNeo4j } from "./supervise-embedded.ts";

export interface Database {
  driver: Driver;
  database: string; // database name for every session
  uri: string;
  connection: DriverOptions; // how to open another driver (the change thread's, server/changes/change-thread.ts)
  embedded: EmbeddedNeo4j | undefined; // set when this process started Neo4j itself
  serverAgent: string;
  apocVersion: string;
  /** Closes the driver, then stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * NEO4J_URI set: connect to it. Unset: start the embedded Neo4j and connect to that; with
 * `supervise` (npm start) it is restarted if it dies, while tools fail fast instead.
 */
export async function openDatabase(config: Neo4jConfig, log: Logger, options: { supervise?: boolean } = {}): Promise<Database> {
  const embedded = config.uri
    ? undefined
    : options.supervise
      ? await superviseEmbeddedNeo4j(config.embedded, log)
      : await startEmbeddedNeo4j(config.embedded, log);
  const uri = config.uri ?? embedded!.uri;
  const connection = { uri, username: config.username, password: embedded ? "" : config.password, maxConnections: config.maxConnections };
  const driver = createDriver(connection);
  try {
    await waitForNeo4j(driver, config.database);
    const info = await driver.getServerInfo({ database: config.database });
    const apocVersion = await checkApoc(driver, config.database);
    log.info({ uri, agent: info.agent, apoc: apocVersion, database: config.database }, "Connected to Neo4j");
    return {
      driver,
      database: config.database,
      uri,
      connection,
      embedded,
      serverAgent: info.agent ?? "unknown",
      apocVersion,
      close: async () => {
        await driver.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
}
