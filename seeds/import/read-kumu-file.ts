import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "../../core/csv.ts";
import { restoreCell } from "../../core/text/spreadsheet-cell.ts";
import { checkInputFile, checkZipInflatedSize, inputLimits, InputFileError, readTextInput } from "../../core/cli/input-file.ts";

export type CellValue = string | number | boolean | null;

export interface Sheet {
  name: string; // "alliance.xlsx:Elements" or "alliance-elements.csv": what problems are reported against
  header: string[];
  rows: { line: number; cells: Record<string, CellValue> }[]; // line: the spreadsheet's row number
}

/**
 * Reads Kumu's layout: an XLSX workbook with Elements and Connections sheets, or two CSV files
 * (NAME-elements.csv and NAME-connections.csv; naming one finds the other).
 */
export async function readKumuFile(paths: string[], options: { allowNoConnections?: boolean } = {}): Promise<KumuSheets> {
  const [first] = paths;
  if (!first) throw new InputFileError("name a Kumu file: an .xlsx workbook, or NAME-elements.csv (and NAME-connections.csv)");
  const sheets = first.toLowerCase().endsWith(".xlsx") ? await readWorkbook(first) : readCsvPair(paths, first);
  // Elements alone would load every entity and no tie: almost always a forgotten file, so it is said.
  if (!sheets.connections && !options.allowNoConnections)
    throw new InputFileError(
      `${sheets.elements.name}: no connections ${first.toLowerCase().endsWith(".xlsx") ? "sheet" : "file"} beside the elements ` +
        `(Kumu's layout: Elements and Connections); pass --no-connections to import the elements alone`,
    );
  return sheets;
}

export interface KumuSheets {
  elements: Sheet;
  connections: Sheet | undefined;
}

function readCsvPair(paths: string[], first: string): KumuSheets {
  const elementsPath = paths.find((p) => /elements\.csv$/i.test(p)) ?? first;
  const connectionsPath = paths.find((p) => /connections\.csv$/i.test(p)) ?? elementsPath.replace(/elements\.csv$/i, "connections.csv");
  return {
    elements: csvSheet(elementsPath),
    connections: fs.existsSync(connectionsPath) && connectionsPath !== elementsPath ? csvSheet(connectionsPath) : undefined,
  };
}

const csvRules = { what: "Kumu CSV file", extensions: [".csv"], maxBytes: inputLimits.csvBytes, text: true };

function csvSheet(file: string): Sheet {
  const [header = [], ...rows] = parseCsv(readTextInput(file, csvRules));
  const name = path.relative(process.cwd(), file) || file;
  return {
    name,
    header: header.map((h) => h.trim()),
    rows: rows
      .map((cells, index) => ({
        line: index + 2,
        cells: Object.fromEntries(header.map((h, i) => [h.trim(), cells[i]?.trim() ? cells[i]!.trim() : null])),
      }))
      .filter((row) => Object.values(row.cells).some((value) => value !== null)),
  };
}

async function readWorkbook(file: string): Promise<KumuSheets> {
  checkInputFile(file, { what: "Kumu workbook", extensions: [".xlsx"], maxBytes: inputLimits.xlsxBytes });
  await checkZipInflatedSize(file, inputLimits.xlsxInflatedBytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const base = path.relative(process.cwd(), file) || file;
  const find = (name: string) => workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === name.toLowerCase());
  const elements = find("Elements");
  if (!elements) throw new InputFileError(`${base}: no sheet named Elements (Kumu's layout: Elements and Connections)`);
  const connections = find("Connections");
  return {
    elements: workbookSheet(elements, `${base}:Elements`),
    connections: connections ? workbookSheet(connections, `${base}:Connections`) : undefined,
  };
}

function workbookSheet(sheet: ExcelJS.Worksheet, name: string): Sheet {
  const header = ((sheet.getRow(1).values as unknown[]) ?? []).slice(1).map((value) => String(cellValue(value) ?? "").trim());
  const rows: Sheet["rows"] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const values = (row.values as unknown[]).slice(1);
    const cells = Object.fromEntries(header.map((h, i) => [h, cellValue(values[i])]));
    if (Object.values(cells).some((value) => value !== null && value !== "")) rows.push({ line, cells });
  });
  return { name, header, rows };
}

/** Excel cells hold numbers, text, booleans, rich text, formulas or dates: keep the value. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : (restoreCell(value.trim()) as string);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string; hyperlink?: string };
    if (v.richText) return v.richText.map((part) => part.text).join("");
    if ("result" in v) return cellValue(v.result);
    if (v.text) return v.text;
  }
  return String(value);
}
