import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { readGraph } from "./read-graph.ts";
import { toCypher } from "./to-cypher.ts";
import { toCytoscapeJson } from "./to-cytoscape-json.ts";
import { toGexf } from "./to-gexf.ts";
import { toGraphml } from "./to-graphml.ts";
import { toSeedFiles } from "./to-seed-files.ts";
import { writeKumuCsv, writeKumuXlsx } from "./to-kumu-files.ts";

export const exportFormats = ["kumu", "graphml", "gexf", "json", "cypher", "seeds"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Reads the whole graph and writes it in one format; returns the files written. */
export async function exportGraph(
  driver: Driver,
  database: string,
  format: ExportFormat,
  out: string,
): Promise<{ files: string[]; nodes: number; relationships: number }> {
  const graph = await readGraph(driver, database);
  let files = [out];
  switch (format) {
    case "kumu":
      if (out.endsWith(".csv")) files = writeKumuCsv(graph, out.replace(/(-elements)?\.csv$/, ""));
      else await writeKumuXlsx(graph, out);
      break;
    case "graphml":
      fs.writeFileSync(out, toGraphml(graph));
      break;
    case "gexf":
      fs.writeFileSync(out, toGexf(graph));
      break;
    case "json":
      fs.writeFileSync(out, toCytoscapeJson(graph));
      break;
    case "cypher":
      fs.writeFileSync(out, toCypher(graph));
      break;
    case "seeds": {
      fs.mkdirSync(out, { recursive: true });
      files = [];
      for (const [name, text] of toSeedFiles(graph)) {
        fs.writeFileSync(path.join(out, name), text);
        files.push(path.join(out, name));
      }
      break;
    }
  }
  return { files, nodes: graph.nodes.length, relationships: graph.relationships.length };
}
