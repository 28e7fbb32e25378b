/**
 * `npm run seed -- --bulk`'s code (seeds/bulk/bulk-load.ts) on a folder of seed files, into an
 * embedded home of its own, in a process of its own with the seed script's heap cap: prints its
 * result and peak memory as JSON on its last line.
 */
import { freePort } from "../core/dev/free-port.ts";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../core/logger.ts";
import { bulkLoad } from "../seeds/bulk/bulk-load.ts";
import { listSeedFiles } from "../seeds/load-seeds.ts";

const [dir, home] = process.argv.slice(2) as [string, string];
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);
const started = performance.now();
const result = await bulkLoad(
  { home, boltPort: await freePort(), heap: "3g", pageCacheMb: 1024 },
  listSeedFiles(dir),
  new Gazetteer(readGazetteerFile()),
  createLogger("warn"),
);
sample();
clearInterval(timer);
console.log(JSON.stringify({ ...result, ms: Math.round(performance.now() - started), peakRssMb: Math.round(peak / 1e6) }));
