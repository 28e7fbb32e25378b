import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { exportGraph, exportFormats, type ExportFormat } from "./export-graph.ts";
import { listSeedFiles } from "../load-seeds.ts";

const usage = `npm run export -- --format kumu|graphml|gexf|json|cypher|seeds [--out FILE]

Writes the whole graph: kumu as an XLSX workbook (or, with --out NAME.csv, NAME-elements.csv and
NAME-connections.csv), graphml and gexf for Gephi, json in Cytoscape.js's elements format, cypher
as a script that re-creates the graph, seeds as seed files in the folder --out (one per source,
and sources.yaml), which \`npm run seed\` loads: --out seeds/data --replace puts the graph, edits
made in the page included, in place of the seed files there (git keeps the old ones). Reads
NEO4J_URI, else the embedded Neo4j.`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({
    name: "npm run export",
    usage,
    options: { format: { type: "string" }, out: { type: "string" }, replace: { type: "boolean" } },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !exportFormats.includes(format)) {
    console.error(`export: --format must be one of ${exportFormats.join(", ")}`);
    return 2;
  }
  // Seed files of the graph beside older ones would state every fact twice: replace them, or refuse.
  const out = path.resolve(values.out ?? defaultName(format));
  const older = format === "seeds" && fs.existsSync(out) ? listSeedFiles(out) : [];
  if (older.length > 0 && !values.replace) {
    console.error(
      `export: ${path.relative(process.cwd(), out) || out} holds ${older.length} seed file(s); add --replace to write the graph in their place (git keeps the old ones), or choose another --out`,
    );
    return 2;
  }
  const config = readConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const database = await connectForTool(config, log);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    for (const file of older) fs.rmSync(file);
    const { files, nodes, relationships } = await exportGraph(database.driver, database.database, format, out);
    console.log(
      `Exported ${nodes} nodes and ${relationships} relationships to ${files.map((f) => path.relative(process.cwd(), f)).join(" and ")}`,
    );
    return 0;
  } catch (error) {
    console.error(`export: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

function defaultName(format: ExportFormat): string {
  if (format === "seeds") return "alliance-seeds";
  const extension = { kumu: "xlsx", graphml: "graphml", gexf: "gexf", json: "json", cypher: "cypher" }[format];
  return `alliance-${format === "kumu" ? "kumu" : "graph"}.${extension}`;
}

process.exitCode = await main();
