import type { Core } from "cytoscape";
import { stringify } from "csv-stringify/browser/esm/sync";
import { neutralizeCell } from "../../../core/text/spreadsheet-cell.ts";
import { download } from "./download.ts";

/** The current view as a PNG, as the user sees it (twice the screen's resolution). */
export async function exportPng(cy: Core, sigma: { png(scale: number): Promise<Blob> } | null, fileName: string): Promise<void> {
  const blob = sigma
    ? await sigma.png(2) // sigma.js draws large slices (graph/sigma-view.ts)
    : (cy.png({ output: "blob", full: false, scale: 2, bg: "#ffffff" }) as unknown as Blob);
  download(blob, fileName);
}

/** The visible graph in Cytoscape.js's elements format: cy.add() takes it back as it is. */
export function visibleElementsJson(cy: Core): string {
  const visible = cy.elements().not(".hidden");
  const elements = visible.map((element) => ({
    group: element.group(),
    data: withoutInternals(element.data()),
    ...(element.isNode() ? { position: element.position() } : {}),
  }));
  return JSON.stringify({ elements }, null, 2);
}

export function exportJson(cy: Core, fileName: string): void {
  download(new Blob([visibleElementsJson(cy)], { type: "application/json" }), fileName);
}

const nodeColumns = ["id", "kind", "subkind", "slug", "label", "latitude", "longitude", "locationApproximate", "regionName"];
const edgeColumns = ["id", "type", "source", "target", "season", "role", "sourceDocument", "quote"];

/** The visible nodes, or edges, as CSV (RFC 4180 by csv-stringify: comma, quotes doubled, CRLF). */
export function visibleCsv(cy: Core, group: "nodes" | "edges"): string {
  const columns = group === "nodes" ? nodeColumns : edgeColumns;
  const elements = (group === "nodes" ? cy.nodes() : cy.edges()).not(".hidden");
  const rows = elements.map((element) =>
    columns.map((column) => {
      const value = element.data(column);
      return typeof value === "number" ? String(value) : neutralizeCell(cell(value)); // a negative longitude is a number, not a formula
    }),
  );
  return stringify([columns, ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

export function exportCsv(cy: Core, group: "nodes" | "edges", fileName: string): void {
  download(new Blob(["\uFEFF" + visibleCsv(cy, group)], { type: "text/csv;charset=utf-8" }), fileName);
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.join("; ") : String(value);
}

function withoutInternals(data: Record<string, unknown>): Record<string, unknown> {
  const { caption: _caption, detail: _detail, nearLabel: _nearLabel, displaySize: _size, displayColor: _color, ...rest } = data;
  return rest;
}
