import fs from "node:fs";
import ExcelJS from "exceljs";
import { toCsv } from "../../core/csv.ts";
import { toKumuRows } from "./kumu-layout.ts";
import { neutralizeCell } from "../../core/text/spreadsheet-cell.ts";
import type { WholeGraph } from "./read-graph.ts";

/** Kumu's layout as one XLSX workbook with the sheets Elements and Connections. */
export async function writeKumuXlsx(graph: WholeGraph, file: string): Promise<void> {
  const { elements, connections } = toKumuRows(graph);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "alliance-graph";
  for (const [name, rows] of [
    ["Elements", elements],
    ["Connections", connections],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRows(rows.map((row) => row.map(neutralizeCell)));
    sheet.getRow(1).font = { bold: true };
  }
  await workbook.xlsx.writeFile(file);
}

/** Kumu's layout as two CSV files: <base>-elements.csv and <base>-connections.csv. */
export function writeKumuCsv(graph: WholeGraph, base: string): string[] {
  const { elements, connections } = toKumuRows(graph);
  const files = [`${base}-elements.csv`, `${base}-connections.csv`];
  fs.writeFileSync(files[0]!, toCsv(elements));
  fs.writeFileSync(files[1]!, toCsv(connections));
  return files;
}
