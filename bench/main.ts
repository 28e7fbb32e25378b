import { execFileSync } from "node:child_process";
import { parseCommandLine } from "../core/cli/parse-command-line.ts";
import { checkBudgets, formatReport } from "./report.ts";
import { defaultOptions, runBench, smokeOptions } from "./run-bench.ts";

const usage = `npm run bench                      every measure at the default sizes (about 25 minutes on 2 cores)
npm run bench -- --json            the same, and a JSON summary on the last line
npm run bench -- --only api,cache  some measures only (loading, api, cache, client, editing, start, metrics, import):
                                   loading includes neo4j-admin import and seed --bulk; client, sigma.js and Cytoscape bare
npm run bench -- --smoke           every measure at a tiny size: that it runs, not how fast
npm run bench -- --soak            the soak only: 200 clients for 60 s on the page's mix (5 % writes), with and
                                   without the response cache, after a 30 s pass that warms Neo4j: req/s, latencies,
                                   errors, memory (about 4 minutes)

Runs on an embedded Neo4j of its own, in a temporary folder: never the user's database.`;

const { values } = parseCommandLine({
  name: "npm run bench",
  usage,
  options: { only: { type: "string" }, json: { type: "boolean" }, smoke: { type: "boolean" }, soak: { type: "boolean" } },
});
const { json = false, smoke = false } = values;
const only = values.soak ? "soak" : values.only;
const benchStarted = performance.now();
const log = (line: string) => console.error(`[${String(Math.round((performance.now() - benchStarted) / 1000)).padStart(4)} s] ${line}`);

execFileSync("npm", ["run", "-s", "build"], { stdio: ["ignore", "ignore", "inherit"] }); // the explorer as it is now
const result = await runBench({
  ...(smoke ? smokeOptions : defaultOptions),
  only: only ? new Set(only.split(",")) : undefined,
  progress: log,
});
console.log(formatReport(result));
const over = checkBudgets(result).filter((b) => !b.ok);
if (json) console.log(JSON.stringify({ ...result, budgets: checkBudgets(result) }));
if (over.length && !smoke) {
  console.error(`${over.length} budget(s) not met: ${over.map((b) => b.measure).join("; ")}`);
  process.exitCode = 1;
}
