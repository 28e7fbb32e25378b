import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../../core/logger.ts";
import { startEmbeddedNeo4j } from "../../core/neo4j/start-embedded-neo4j.ts";
import { freePort } from "../../core/dev/free-port.ts";

/**
 * Starts an embedded Neo4j of the tests' own, on a free port, in a temporary folder, whatever
 * NEO4J_URI says: tests never touch a user's database. Deleted after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-test-neo4j-"));
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? "warn");
  // 2 GB of heap: metrics-50k.int.test.ts loads 50 000 entities in one transaction, held in the heap until it commits.
  const neo4j = await startEmbeddedNeo4j({ home, boltPort: await freePort(), heap: "2g", pageCacheMb: 128 }, log);
  project.provide("neo4jUri", neo4j.uri);
  return async () => {
    await neo4j.stop();
    fs.rmSync(home, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}
