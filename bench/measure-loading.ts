import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { checkSeeds, listSeedFiles } from "../seeds/load-seeds.ts";
import type { BenchNeo4j } from "./bench-neo4j.ts";
import type { GeneratedAlliance } from "./generate-alliance.ts";
import { checksumOfDatabase, loadStamps } from "../seeds/backup/backup.ts";
import { measureBulk, type BulkMeasure } from "./measure-bulk.ts";
import { runJsonChild } from "./json-child.ts";
import { naiveLoad } from "./naive-loader.ts";
import { median, round } from "./stats.ts";

export interface LoadRun {
  ms: number;
  peakRssMb: number;
  nodes: number;
  relationships: number;
  provenance: number;
  checkMs: number;
  writeMs: number;
  commitMs: number;
  searchRefreshMs: number;
}

export interface LoadingResult {
  nodes: number;
  relationships: number;
  provenance: number;
  coldSeconds: number; // median, into an empty graph
  reloadSeconds: number; // median, the same files again (idempotent, with pruning)
  peakRssMb: number; // the loader process's largest resident size, over every run
  phases: { checkMs: number; writeMs: number; commitMs: number; searchRefreshMs: number };
  batchedRowsPerSecond: number;
  naiveRowsPerSecond: number;
  naiveRows: number;
  speedup: number; // batched ÷ naive, rows per second, measured in the same run
  bulk: BulkMeasure; // npm run seed -- --bulk beside neo4j-admin import, same files
  runs: { cold: LoadRun[]; reload: LoadRun[] };
}

/** The real loader (`npm run seed`'s code and heap cap), in a process of its own so that its memory is measured alone. */
export function runLoader(uri: string, dir: string): Promise<LoadRun> {
  return runJsonChild<LoadRun>("bench/load-child.ts", [dir], { NEO4J_URI: uri }, "the loader");
}

export async function measureLoading(
  neo: BenchNeo4j,
  alliance: GeneratedAlliance,
  repetitions: number,
  naiveRows: number,
  work: string,
  progress: (line: string) => void,
): Promise<LoadingResult> {
  const cold: LoadRun[] = [];
  const reload: LoadRun[] = [];
  let checksum = "";
  for (let i = 0; i < repetitions; i++) {
    await neo.wipe();
    cold.push(await runLoader(neo.uri, alliance.dir));
    progress(`  load ${i + 1}/${repetitions}: ${round(cold.at(-1)!.ms / 1000)} s into an empty graph`);
    if (i === 0) checksum = await checksumOfDatabase(neo.driver, "neo4j", loadStamps); // what --bulk must give
    reload.push(await runLoader(neo.uri, alliance.dir));
    progress(`  reload ${i + 1}/${repetitions}: ${round(reload.at(-1)!.ms / 1000)} s`);
  }
  // The obvious loader, on a sample of the same plan, into an empty graph.
  await neo.wipe();
  const { plan } = checkSeeds(listSeedFiles(alliance.dir), new Gazetteer(readGazetteerFile()));
  const naive = await naiveLoad(neo.driver, plan!, naiveRows);
  progress(`  one MERGE per row: ${naive.rows} rows in ${round(naive.ms / 1000)} s`);
  await neo.wipe();

  const first = cold[0]!;
  const totalRows = first.nodes + first.relationships + first.provenance;
  const coldMs = median(cold.map((r) => r.ms));
  const batchedRowsPerSecond = totalRows / (coldMs / 1000);
  const naiveRowsPerSecond = naive.rows / (naive.ms / 1000);
  progress("  the first load through neo4j-admin import, and npm run seed -- --bulk…");
  const bulk = await measureBulk(alliance, work, { checksum, rowsPerSecond: Math.round(batchedRowsPerSecond) }, progress);
  return {
    nodes: first.nodes,
    relationships: first.relationships,
    provenance: first.provenance,
    coldSeconds: round(coldMs / 1000),
    reloadSeconds: round(median(reload.map((r) => r.ms)) / 1000),
    peakRssMb: Math.max(...cold.map((r) => r.peakRssMb), ...reload.map((r) => r.peakRssMb)),
    phases: {
      checkMs: median(cold.map((r) => r.checkMs)),
      writeMs: median(cold.map((r) => r.writeMs)),
      commitMs: median(cold.map((r) => r.commitMs)),
      searchRefreshMs: median(cold.map((r) => r.searchRefreshMs)),
    },
    batchedRowsPerSecond: Math.round(batchedRowsPerSecond),
    naiveRowsPerSecond: Math.round(naiveRowsPerSecond),
    naiveRows: naive.rows,
    speedup: round(batchedRowsPerSecond / naiveRowsPerSecond),
    bulk,
    runs: { cold, reload },
  };
}
