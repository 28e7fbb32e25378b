import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EmbeddedNeo4jConfig } from "../../core/config.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import type { Logger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { createDriver } from "../../core/neo4j/create-driver.ts";
import { checkDataFolder } from "../../core/neo4j/check-data-folder.ts";
import { startEmbeddedNeo4j, withEmbeddedNeo4j } from "../../core/neo4j/start-embedded-neo4j.ts";
import { checkSeeds, SeedProblems } from "../load-seeds.ts";
import { runAdminImport } from "./admin-import.ts";
import { writeImportFiles, type EmptyLists } from "./import-files.ts";

export interface BulkResult {
  nodes: number;
  relationships: number;
  provenance: number;
  timings: { checkMs: number; filesMs: number; importMs: number; finishMs: number; totalMs: number } & FinishTimings;
}

export class BulkRefused extends Error {}

/**
 * A first load into an empty database through neo4j-admin import: the seed files validated exactly
 * as `npm run seed` does (nothing is written when one is wrong), the plan written as the import's
 * CSV, imported into the stopped embedded database, then Neo4j started on it to build the schema's
 * constraints and indexes, set what CSV cannot say (empty lists) and move the graph's version on.
 * The graph is the one the batched loader writes (tests/int/seed-bulk.test.ts compares checksums).
 */
export async function bulkLoad(embedded: EmbeddedNeo4jConfig, files: string[], gazetteer: Gazetteer, log: Logger): Promise<BulkResult> {
  const started = performance.now();
  const { plan, problems } = checkSeeds(files, gazetteer);
  if (!plan) throw new SeedProblems(problems);
  const checked = performance.now();
  const overwrite = await assertEmpty(embedded, log);
  checkDataFolder(embedded.home, embedded.minFreeMb ?? 100); // made if missing; writable, with room

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-bulk-"));
  try {
    const csv = writeImportFiles(plan, path.join(work, "csv"));
    const written = performance.now();
    log.info({ nodes: csv.nodes, relationships: csv.relationships + csv.provenance }, "neo4j-admin database import full");
    let finished: FinishTimings;
    let importEnd: number;
    try {
      const imported = await runAdminImport(embedded.home, csv.arguments, { overwrite, reportFile: path.join(work, "import.report") });
      log.debug({ output: imported.output }, "neo4j-admin import done");
      importEnd = performance.now();
      finished = await finish(embedded, csv.emptyLists, log);
    } catch (error) {
      // A failed import leaves store files Neo4j may not open, an unfinished one a graph without its
      // schema: either way the database goes back to empty (Neo4j makes a new one at its next start).
      removeStore(embedded.home);
      throw new Error(
        `${(error as Error).message}
The database in ${embedded.home} was left empty.`,
        { cause: error },
      );
    }
    const end = performance.now();
    return {
      nodes: csv.nodes,
      relationships: csv.relationships,
      provenance: csv.provenance,
      timings: {
        checkMs: Math.round(checked - started),
        filesMs: Math.round(written - checked),
        importMs: Math.round(importEnd - written),
        finishMs: Math.round(end - importEnd),
        totalMs: Math.round(end - started),
        ...finished,
      },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function removeStore(home: string): void {
  for (const dir of ["databases", "transactions"]) fs.rmSync(path.join(home, "data", dir, "neo4j"), { recursive: true, force: true });
}

/**
 * neo4j-admin import only fills a database that holds nothing. A store with nodes (accounts
 * included: they would be lost) is refused; one with nothing but the version counter (a schema
 * applied, a load wiped) is overwritten. Returns whether a store is there to overwrite.
 */
async function assertEmpty(embedded: EmbeddedNeo4jConfig, log: Logger): Promise<boolean> {
  if (!fs.existsSync(path.join(embedded.home, "data", "databases", "neo4j"))) return false;
  return withEmbeddedNeo4j(embedded, log, async (driver) => {
    const { records } = await driver.executeQuery(readQuery("load/nodes-besides-version"), {}, { database: "neo4j" });
    const count = Number(records[0]?.get("count") ?? 0);
    if (count > 0)
      throw new BulkRefused(
        `the database in ${embedded.home} already holds ${count} nodes: --bulk is for a first load into an empty database. ` +
          `npm run seed loads into this one (only what changed is written).`,
      );
    return true;
  });
}

async function finish(embedded: EmbeddedNeo4jConfig, emptyLists: EmptyLists[], log: Logger): Promise<FinishTimings> {
  const at = [performance.now()];
  const lap = (): number => (at.push(performance.now()), Math.round(at.at(-1)! - at.at(-2)!));
  const neo = await startEmbeddedNeo4j(embedded, log);
  const driver = createDriver({ uri: neo.uri, username: "neo4j", password: "" });
  const timings: FinishTimings = { startMs: lap(), schemaMs: 0, listsMs: 0, stopMs: 0 };
  try {
    // The slug constraints check, on the imported store, that slugs are unique. (Setting the lists
    // while the indexes build was slower on 2 cores: 23 s against 21 s at 100 000 entities.)
    await applySchema(driver, "neo4j", log);
    timings.schemaMs = lap();
    const session = driver.session({ database: "neo4j" });
    try {
      // CALL … IN TRANSACTIONS: auto-commit transactions. The patterns are built from the model's labels and types only.
      for (const { pattern, always, marked } of emptyLists) {
        for (const property of always)
          await session.run(readQuery("load/bulk-absent-list").replace("__PATTERN__", pattern).replaceAll("__PROPERTY__", property));
        if (marked) await session.run(readQuery("load/bulk-empty-lists").replace("__PATTERN__", pattern));
      }
      await session.executeWrite((tx) => tx.run(readQuery("load/bump-graph-version")));
      await session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()");
    } finally {
      await session.close();
    }
    timings.listsMs = lap();
  } finally {
    await driver.close();
    await neo.stop();
  }
  timings.stopMs = lap();
  return timings;
}

interface FinishTimings {
  startMs: number; // Neo4j started on the imported store
  schemaMs: number; // constraints and indexes built
  listsMs: number; // empty lists set, the version moved on
  stopMs: number; // Neo4j stopped (a checkpoint)
}
