import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { startApiServer } from "./api-server.ts";
import { startBenchNeo4j } from "./bench-neo4j.ts";
import { generateAlliance } from "./generate-alliance.ts";
import { measureCache, type CacheResult } from "./measure-cache.ts";
import { measureClient, type ClientResult } from "./measure-client.ts";
import { apiCases, measureApi, profileIndexes, type ApiRow } from "./measure-api.ts";
import { measureLoading, runLoader, type LoadingResult } from "./measure-loading.ts";
import { measureStart, type StartResult } from "./measure-start.ts";
import { measureEditing, type EditingResult } from "./measure-editing.ts";
import { measureSoak, type SoakResult } from "./measure-soak.ts";
import { measureRefusals, type RefusalResult } from "./measure-refusals.ts";
import { measureMetrics, type MetricsResult } from "./measure-metrics.ts";
import { measureImport, type ImportResult } from "./measure-import.ts";

export interface BenchOptions {
  loadNodes: number; // 100 000 by default
  apiNodes: number; // 50 000
  loadRepetitions: number;
  naiveRows: number;
  apiLevels: number[];
  apiSeconds: number;
  apiRepetitions: number;
  clientSizes: number[]; // elements
  editingLevels: number[]; // editors applying changes at once
  editingReaders: number; // readers meanwhile
  editingHistory: number; // change records added before a change is timed again (its cost must not grow with them)
  metricsSizes: number[]; // network metrics: nodes
  soakNodes: number; // the soak's graph
  soakClients: number;
  soakSeconds: number; // per run (with the cache, then without)
  soakByDefault: boolean; // run the soak without --only soak (the smoke test does; the default bench does not)
  soakLimitPerMinute: number; // RATE_LIMIT_GRAPHQL during the soak
  soakWarmupRequests: number; // the soak's first pass, not counted, ends after so many requests (Neo4j's JIT)
  importGraphNodes: number; // the graph an import is matched against
  importSizes: { rows: number; format: "csv" | "xlsx" }[]; // spreadsheets previewed through the page's import
  importHeapMb: number; // IMPORT_HEAP_MB
  only: Set<string> | undefined; // loading, api, cache, client, editing, start, metrics, import, soak
  progress: (line: string) => void;
}

export const defaultOptions: Omit<BenchOptions, "progress" | "only"> = {
  loadNodes: 100_000,
  apiNodes: 50_000,
  loadRepetitions: 2,
  naiveRows: 4_000,
  apiLevels: [1, 10, 50],
  apiSeconds: 2,
  apiRepetitions: 3,
  clientSizes: [1_400, 10_000, 50_000],
  editingLevels: [1, 10],
  editingReaders: 50,
  editingHistory: 20_000,
  metricsSizes: [1_400, 10_000, 100_000],
  soakNodes: 5_000,
  soakClients: 200,
  soakSeconds: 60,
  soakByDefault: false,
  soakLimitPerMinute: 600,
  soakWarmupRequests: 20_000,
  importGraphNodes: 5_000,
  importSizes: [
    { rows: 10_000, format: "csv" },
    { rows: 10_000, format: "xlsx" },
    { rows: 50_000, format: "csv" }, // the row limit: memory stays bounded there too
  ],
  importHeapMb: 1024,
};

/** A few seconds' worth of every measure, for npm test: that each one runs, not how fast. */
export const smokeOptions: Omit<BenchOptions, "progress" | "only"> = {
  loadNodes: 600,
  apiNodes: 600,
  loadRepetitions: 1,
  naiveRows: 200,
  apiLevels: [1, 2],
  apiSeconds: 0.3,
  apiRepetitions: 1,
  clientSizes: [300],
  editingLevels: [1, 2],
  editingReaders: 4,
  editingHistory: 500,
  metricsSizes: [300, 600],
  soakNodes: 600,
  soakClients: 8,
  soakSeconds: 2,
  soakByDefault: true,
  soakLimitPerMinute: 150,
  soakWarmupRequests: 100,
  importGraphNodes: 600,
  importSizes: [{ rows: 300, format: "csv" }],
  importHeapMb: 512,
};

export interface BenchResult {
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  sizes: { loadNodes: number; apiNodes: number };
  loading?: LoadingResult;
  api?: { rows: ApiRow[]; profile: Awaited<ReturnType<typeof profileIndexes>>; refusals: RefusalResult };
  cache?: CacheResult;
  client?: ClientResult;
  editing?: EditingResult;
  start?: StartResult;
  soak?: SoakResult;
  metrics?: MetricsResult;
  import?: ImportResult;
  seconds: number;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const wants = (part: string) => (options.only ? options.only.has(part) : part !== "soak" || options.soakByDefault);
  const { progress } = options;
  const gazetteerData = readGazetteerFile();
  const gazetteer = new Gazetteer(gazetteerData);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-bench-"));
  const result: BenchResult = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    sizes: { loadNodes: options.loadNodes, apiNodes: options.apiNodes },
    seconds: 0,
  };
  progress(`Benchmark in ${work}, on its own embedded Neo4j (never NEO4J_URI).`);
  const neo = await startBenchNeo4j();
  try {
    // A small load first: Neo4j's JIT and the store files warm, as on a server that has been up.
    const warm = generateAlliance(
      gazetteerData,
      { nodes: Math.min(2000, options.loadNodes), relationshipsPerNode: 3 },
      path.join(work, "warm"),
    );
    await runLoader(neo.uri, warm.dir);

    if (wants("loading")) {
      progress(`Loading: generating ${options.loadNodes} nodes and ${options.loadNodes * 3} relationships…`);
      const alliance = generateAlliance(gazetteerData, { nodes: options.loadNodes, relationshipsPerNode: 3 }, path.join(work, "load"));
      result.loading = await measureLoading(neo, alliance, options.loadRepetitions, options.naiveRows, work, progress);
      fs.rmSync(alliance.dir, { recursive: true, force: true });
    }

    if (wants("api") || wants("cache") || wants("client") || wants("editing")) {
      progress(`API: generating and loading ${options.apiNodes} nodes…`);
      await neo.wipe();
      const alliance = generateAlliance(gazetteerData, { nodes: options.apiNodes, relationshipsPerNode: 3 }, path.join(work, "api"));
      await runLoader(neo.uri, alliance.dir);
      const sample = {
        commune: alliance.samples.communes[0]!,
        ally: alliance.samples.allies[Math.floor(alliance.samples.allies.length / 2)]!,
        word: alliance.samples.words[0]!,
        titlePrefix: alliance.samples.runningTitlePrefix,
      };
      const cases = await apiCases(neo.driver, gazetteer, sample);
      if (wants("api")) {
        const api = await startApiServer(neo.uri, { RESPONSE_CACHE: "off" });
        try {
          const rows = await measureApi(
            api.url,
            neo.driver,
            cases,
            options.apiLevels,
            options.apiSeconds,
            options.apiRepetitions,
            progress,
          );
          result.api = { rows, profile: await profileIndexes(neo.driver, cases), refusals: await measureRefusals(api.url) };
        } finally {
          await api.stop();
        }
      }
      if (wants("cache")) result.cache = await measureCache(neo, cases, options.apiSeconds, options.apiRepetitions, progress);
      if (wants("client")) result.client = await measureClient(neo, options.clientSizes, progress);
      if (wants("editing")) {
        progress(`Editing: changes applied while ${options.editingReaders} readers read…`);
        const readCase = cases.find((c) => c.name === "search")!;
        result.editing = await measureEditing(
          neo,
          readCase,
          alliance.samples.allies,
          options.editingLevels,
          options.editingReaders,
          options.apiSeconds * 2,
          progress,
          options.editingHistory,
        );
      }
    }

    if (wants("import")) {
      progress(
        `Import: previewing spreadsheets of ${options.importSizes.map((s) => `${s.rows} rows (${s.format})`).join(", ")} against ${options.importGraphNodes} entities…`,
      );
      await neo.wipe();
      const alliance = generateAlliance(
        gazetteerData,
        { nodes: options.importGraphNodes, relationshipsPerNode: 3 },
        path.join(work, "import"),
      );
      await runLoader(neo.uri, alliance.dir);
      result.import = await measureImport(neo, gazetteerData, options.importSizes, options.importHeapMb, progress);
    }

    if (wants("soak")) {
      progress(
        `Soak: ${options.soakClients} clients for ${options.soakSeconds} s on ${options.soakNodes} nodes, with the cache then without…`,
      );
      await neo.wipe();
      const alliance = generateAlliance(gazetteerData, { nodes: options.soakNodes, relationshipsPerNode: 3 }, path.join(work, "soak"));
      await runLoader(neo.uri, alliance.dir);
      result.soak = await measureSoak(
        neo,
        { words: alliance.samples.words, communes: alliance.samples.communes, allies: alliance.samples.allies },
        options.soakClients,
        options.soakSeconds,
        progress,
        options.soakLimitPerMinute,
        { requests: options.soakWarmupRequests, maxSeconds: options.soakSeconds * 3 },
      );
    }
  } finally {
    await neo.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (wants("metrics")) {
    progress(`Network metrics at ${options.metricsSizes.join(", ")} nodes…`);
    result.metrics = measureMetrics(options.metricsSizes, progress);
  }
  if (wants("start")) result.start = await measureStart(progress);
  result.seconds = Math.round((performance.now() - started) / 1000);
  return result;
}
