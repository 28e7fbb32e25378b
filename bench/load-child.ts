/**
 * Loads a folder of seed files into NEO4J_URI with the real loader, in a process of its own so that
 * its memory is its own: prints { ms, peakRssMb, nodes, relationships } as JSON on its last line.
 */
import { readConfig } from "../core/config.ts";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../core/logger.ts";
import { applySchema } from "../core/neo4j/apply-schema.ts";
import { openDatabase } from "../core/neo4j/open-database.ts";
import { listSeedFiles, loadSeeds } from "../seeds/load-seeds.ts";

const dir = process.argv[2]!;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);
const config = readConfig();
const log = createLogger("warn");
const database = await openDatabase(config.neo4j, log);
await applySchema(database.driver, database.database, log);
const gazetteer = new Gazetteer(readGazetteerFile());
const started = performance.now();
const result = await loadSeeds(database.driver, database.database, listSeedFiles(dir), gazetteer, true);
const ms = performance.now() - started;
sample();
clearInterval(timer);
await database.close();
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    peakRssMb: Math.round(peak / 1e6),
    nodes: result.nodes,
    relationships: result.relationships,
    provenance: result.provenance,
    pruned: result.pruned,
    checkMs: result.checkMs,
    ...result.timings,
  }),
);
