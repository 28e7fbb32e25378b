import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { exportGraph, exportFormats, type ExportFormat } from "./export-graph.ts";

const usage = `npm run export -- --format kumu|graphml|gexf|json|cypher|seeds [--out FILE]

Writes the whole graph: kumu as an XLSX workbook (or, with --out NAME.csv, NAME-elements.csv and
NAME-connections.csv), graphml and gexf for Gephi, json in Cytoscape.js's elements format, cypher
as a script that re-creates the graph, seeds as seed files in the folder --out (one per source,
and sources.yaml), which \`npm run seed\` loads: --out seeds/data refreshes the seed files from
the graph, edits made in the page included. Reads NEO4J_URI, else the embedded Neo4j.`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({ name: "npm run export", usage, options: { format: { type: "string" }, out: { type: "string" } } });
  const format = values.format as ExportFormat | undefined;
  if (!format || !exportFormats.includes(format)) {
    console.error(`export: --format must be one of ${exportFormats.join(", ")}`);
    return 2;
  }
  const config = readConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const database = await connectForTool(config, log);
  try {
    const out = path.resolve(values.out ?? defaultName(format));
    fs.mkdirSync(path.dirname(out), { recursive: true });
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
