import fs from "node:fs";
import path from "node:path";
import { freePort } from "../core/dev/free-port.ts";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { applySchema } from "../core/neo4j/apply-schema.ts";
import { withEmbeddedNeo4j } from "../core/neo4j/start-embedded-neo4j.ts";
import { checksumOfDatabase, loadStamps } from "../seeds/backup/backup.ts";
import { runAdminImport } from "../seeds/bulk/admin-import.ts";
import type { BulkResult } from "../seeds/bulk/bulk-load.ts";
import { writeImportFiles } from "../seeds/bulk/import-files.ts";
import { checkSeeds, listSeedFiles } from "../seeds/load-seeds.ts";
import { benchLog } from "./bench-neo4j.ts";
import type { GeneratedAlliance } from "./generate-alliance.ts";
import { runJsonChild } from "./json-child.ts";
import { round } from "./stats.ts";

export interface BulkMeasure {
  rows: number; // nodes + relationships + provenance links
  adminImportMs: number; // neo4j-admin database import full alone, on its CSV files
  adminReadyMs: number; // the same, then the database started with the project's constraints and indexes, and stopped
  bulk: BulkResult & { ms: number; peakRssMb: number }; // npm run seed -- --bulk, from the seed files
  adminRowsPerSecond: number;
  adminReadyRowsPerSecond: number;
  bulkRowsPerSecond: number;
  ratioToImport: number; // bulk rows/s ÷ neo4j-admin import's
  ratioToReady: number; // bulk rows/s ÷ neo4j-admin import then started with the schema
  batchedRowsPerSecond: number; // the batched loader (npm run seed) into an empty graph, same run
  sameGraph: boolean; // the bulk graph's canonical checksum is the batched loader's
}

const settings = { heap: "3g", pageCacheMb: 1024 }; // the bench Neo4j's

/**
 * The first load three ways, on the same seed files: neo4j-admin import on its own CSV (the tool a
 * Neo4j user reaches for), the same then started with our schema (a database ready to query, what
 * the other two give), and `npm run seed -- --bulk`, which validates the seed files and writes that
 * CSV itself. Each into a home of its own; the bulk graph's checksum compared with the batched loader's.
 */
export async function measureBulk(
  alliance: GeneratedAlliance,
  work: string,
  batched: { checksum: string; rowsPerSecond: number },
  progress: (line: string) => void,
): Promise<BulkMeasure> {
  const { plan } = checkSeeds(listSeedFiles(alliance.dir), new Gazetteer(readGazetteerFile()));
  const csv = writeImportFiles(plan!, path.join(work, "admin-csv"));
  const rows = csv.nodes + csv.relationships + csv.provenance;

  const adminHome = path.join(work, "admin-home");
  fs.mkdirSync(adminHome);
  const admin = await runAdminImport(adminHome, csv.arguments, { overwrite: false, reportFile: path.join(work, "admin.report") });
  const readyStarted = performance.now();
  await withEmbeddedNeo4j({ home: adminHome, boltPort: await freePort(), ...settings }, benchLog, (driver) =>
    applySchema(driver, "neo4j", benchLog),
  );
  const adminReadyMs = admin.ms + Math.round(performance.now() - readyStarted);
  fs.rmSync(adminHome, { recursive: true, force: true });
  fs.rmSync(csv.dir, { recursive: true, force: true });
  progress(`  neo4j-admin import: ${round(admin.ms / 1000)} s; started with the schema: ${round(adminReadyMs / 1000)} s`);

  const bulkHome = path.join(work, "bulk-home");
  const bulk = await runBulkChild(alliance.dir, bulkHome);
  progress(`  npm run seed -- --bulk: ${round(bulk.ms / 1000)} s (${JSON.stringify(bulk.timings)})`);
  const checksum = await withEmbeddedNeo4j({ home: bulkHome, boltPort: await freePort(), ...settings }, benchLog, (driver) =>
    checksumOfDatabase(driver, "neo4j", loadStamps),
  );
  fs.rmSync(bulkHome, { recursive: true, force: true });

  const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
  const result = {
    rows,
    adminImportMs: admin.ms,
    adminReadyMs,
    bulk,
    adminRowsPerSecond: perSecond(admin.ms),
    adminReadyRowsPerSecond: perSecond(adminReadyMs),
    bulkRowsPerSecond: perSecond(bulk.ms),
    ratioToImport: round(admin.ms / bulk.ms, 2),
    ratioToReady: round(adminReadyMs / bulk.ms, 2),
    batchedRowsPerSecond: batched.rowsPerSecond,
    sameGraph: checksum === batched.checksum,
  };
  progress(
    `  bulk ÷ neo4j-admin import: ${result.ratioToImport}; ÷ started with the schema: ${result.ratioToReady}; same graph: ${result.sameGraph}`,
  );
  return result;
}

function runBulkChild(dir: string, home: string): Promise<BulkMeasure["bulk"]> {
  return runJsonChild<BulkMeasure["bulk"]>("bench/bulk-child.ts", [dir, home], {}, "npm run seed -- --bulk");
}
