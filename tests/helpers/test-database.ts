import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { readConfig } from "../../core/config.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { openDatabase, type Database } from "../../core/neo4j/open-database.ts";
import { listSeedFiles, loadSeeds } from "../../seeds/load-seeds.ts";

export const testLog = createLogger(process.env.TEST_LOG_LEVEL ?? "warn");

let gazetteer: Gazetteer | undefined;
export function testGazetteer(): Gazetteer {
  gazetteer ??= new Gazetteer(readGazetteerFile());
  return gazetteer;
}

// Signs the test apps' tokens: made afresh for each run, never written anywhere.
export const testSecret = randomBytes(32).toString("base64url");

/** The tests' own embedded Neo4j (tests/setup), never the user's NEO4J_URI. */
export function testConfig(overrides: Record<string, string> = {}) {
  return readConfig({ NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "warn", AUTH_SECRET: testSecret, ...overrides });
}

export async function openTestDatabase(): Promise<Database> {
  return openDatabase(testConfig().neo4j, testLog);
}

/** Empties the tests' database and loads seeds/data, as a first `npm start` does. */
export async function resetToSeeds(database: Database): Promise<void> {
  await database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
  await applySchema(database.driver, database.database, testLog);
  await loadSeeds(database.driver, database.database, listSeedFiles(), testGazetteer(), true);
}
