import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { createLogger } from "../core/logger.ts";
import { applySchema } from "../core/neo4j/apply-schema.ts";
import { createDriver } from "../core/neo4j/create-driver.ts";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../core/neo4j/start-embedded-neo4j.ts";
import { freePort } from "../core/dev/free-port.ts";

export interface BenchNeo4j {
  uri: string;
  driver: Driver;
  neo4j: EmbeddedNeo4j;
  home: string;
  /** Empties the graph (in small transactions) and applies the schema again. */
  wipe(): Promise<void>;
  stop(): Promise<void>;
}

const log = createLogger(process.env.BENCH_LOG_LEVEL ?? "warn");

/**
 * The benchmark's own Neo4j: embedded, on a free port, in a temporary folder — never the user's.
 * A 3 GB heap: a 100 000-entity load is one transaction, held in the heap until it commits. All of
 * it touched at start, so that the soak's memory check (end ÷ middle of a run) sees leaks, not the
 * JVM growing its heap toward 3 GB during a run (10 % in one run of a fresh Neo4j).
 */
export async function startBenchNeo4j(heap = "3g"): Promise<BenchNeo4j> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-bench-neo4j-"));
  const embedded = await startEmbeddedNeo4j({ home, boltPort: await freePort(), heap, pageCacheMb: 1024, preTouchHeap: true }, log);
  const driver = createDriver({ uri: embedded.uri, username: "neo4j", password: "" });
  await applySchema(driver, "neo4j", log);
  return {
    uri: embedded.uri,
    driver,
    neo4j: embedded,
    home,
    async wipe() {
      const session = driver.session();
      try {
        await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS");
      } finally {
        await session.close();
      }
      await applySchema(driver, "neo4j", log);
    },
    async stop() {
      await driver.close();
      await embedded.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

export const benchLog = log;
export { neo4j };
