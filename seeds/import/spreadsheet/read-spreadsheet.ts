import { parse } from "csv-parse/sync";
import * as XLSX from "@e965/xlsx";
import { InputFileError, inputLimits, inspectZip, megabytes } from "../../../core/cli/input-file.ts";
import { decodeText, detectDelimiter, type TextEncoding } from "./decode-text.ts";
import { findHeaderLine } from "./find-header.ts";
import { restoreCell } from "../../../core/text/spreadsheet-cell.ts";

/** One sheet of a spreadsheet as an import reads it: its header, then its rows, every cell as text. */
export interface Table {
  file: string; // the file's name, as messages show it
  format: "csv" | "xlsx" | "ods" | "xls";
  encoding: TextEncoding | undefined; // a CSV's
  delimiter: string | undefined; // a CSV's
  sheet: string | undefined; // the sheet read, in a workbook
  sheets: string[]; // every sheet of a workbook
  headerLine: number; // the spreadsheet's row number of the header (1 unless a title sits above it)
  headers: string[]; // one per column, never empty, never twice the same ("Colonne C", "Nom (2)")
  rows: TableRow[];
}

export interface TableRow {
  line: number; // the spreadsheet's row number, as its program shows it
  cells: (string | null)[]; // by column; null when empty
  formulas: number[]; // columns whose cell is a formula, kept as its text ("=A2&B2"), never evaluated
}

export interface ReadOptions {
  sheet?: string | undefined; // a workbook's sheet, by name (else the first with data)
  headerLine?: number | undefined; // the row of the header (else found)
  limits?: Partial<typeof inputLimits>;
}

type RawRow = { line: number; cells: (string | null)[]; formulas: number[] };

/**
 * Reads CSV (any delimiter; UTF-8, UTF-8 with a BOM, UTF-16 or Windows-1252), XLSX, ODS or XLS from
 * its bytes, whatever its name says: what it is comes from its first bytes. Every refusal is one
 * line that says what is wrong (a password, a zip bomb, a binary, too many rows), before anything
 * large is built: zips are measured before they are unzipped, rows counted as they are read.
 */
export async function readSpreadsheet(bytes: Buffer, file: string, options: ReadOptions = {}): Promise<Table> {
  const limits = { ...inputLimits, ...options.limits };
  if (bytes.length > limits.spreadsheetBytes)
    throw new InputFileError(
      `${file}: ${megabytes(bytes.length)} is more than a spreadsheet may be (${megabytes(limits.spreadsheetBytes)} at most)`,
    );
  const magic = bytes.subarray(0, 8);
  let read: { format: Table["format"]; sheets: string[]; sheet: string | undefined; rows: RawRow[] };
  let encoding: TextEncoding | undefined;
  let delimiter: string | undefined;
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    read = await readZipped(bytes, file, options.sheet, limits);
  } else if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An OLE compound file: an old .xls, or an encrypted .xlsx (Office wraps those in one).
    if (bytes.includes(Buffer.from("EncryptionInfo", "utf16le")))
      throw new InputFileError(`${file}: is protected by a password: save it again without one (Fichier › Informations › Protéger)`);
    read = workbookRows(bytes, file, "xls", options.sheet, limits);
  } else if (magic.subarray(0, 5).toString("latin1") === "%PDF-") {
    throw new InputFileError(`${file}: is a PDF, not a spreadsheet: import it as a fiche`);
  } else {
    const decoded = decodeText(bytes, file);
    encoding = decoded.encoding;
    delimiter = detectDelimiter(decoded.text);
    read = { format: "csv", sheets: [], sheet: undefined, rows: csvRows(decoded.text, delimiter, file, limits) };
  }
  return tableOf(read, file, encoding, delimiter, options.headerLine, limits);
}

async function readZipped(bytes: Buffer, file: string, sheet: string | undefined, limits: typeof inputLimits) {
  const zip = await inspectZip(bytes, limits.spreadsheetInflatedBytes, "spreadsheet", file);
  const mimetype = zip.read("mimetype")?.toString("latin1").trim();
  let format: "xlsx" | "ods";
  if (zip.names.includes("xl/workbook.xml")) format = "xlsx";
  else if (mimetype === "application/vnd.oasis.opendocument.spreadsheet") {
    format = "ods";
    if (/manifest:encryption-data/.test(zip.read("META-INF/manifest.xml")?.toString("utf8") ?? ""))
      throw new InputFileError(`${file}: is protected by a password: save it again without one`);
  } else if (zip.names.includes("word/document.xml") || mimetype === "application/vnd.oasis.opendocument.text")
    throw new InputFileError(`${file}: is a text document, not a spreadsheet: import it as a fiche, or save its table as CSV`);
  else throw new InputFileError(`${file}: is a zip archive, not a spreadsheet (no workbook inside)`);
  return workbookRows(bytes, file, format, sheet, limits);
}

function workbookRows(
  bytes: Buffer,
  file: string,
  format: "xlsx" | "ods" | "xls",
  wanted: string | undefined,
  limits: typeof inputLimits,
): { format: typeof format; sheets: string[]; sheet: string; rows: RawRow[] } {
  let book: XLSX.WorkBook;
  try {
    // sheetRows: rows past the limit are not even parsed (one more says that there are more).
    book = XLSX.read(bytes, {
      type: "buffer",
      dense: true,
      cellFormula: true,
      cellDates: true,
      cellHTML: false,
      sheetRows: limits.spreadsheetRows + headerSearchRows + 1,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/password/i.test(message)) throw new InputFileError(`${file}: is protected by a password: save it again without one`);
    throw new InputFileError(`${file}: cannot be read as ${format.toUpperCase()} (${message})`);
  }
  const sheets = book.SheetNames;
  const name =
    wanted ??
    sheets.find((n) => (book.Sheets[n]?.["!data"] ?? []).filter((row) => row?.some((c) => c && c.v !== "")).length >= 2) ??
    sheets[0];
  if (wanted !== undefined && !sheets.includes(wanted))
    throw new InputFileError(`${file}: has no sheet "${wanted}"; its sheets: ${sheets.join(", ")}`);
  const data = (name ? book.Sheets[name]?.["!data"] : undefined) ?? [];
  const rows: RawRow[] = [];
  data.forEach((row, index) => {
    if (!row) return;
    const formulas: number[] = [];
    const cells = row.map((cell, column) => {
      if (!cell) return null;
      if (cell.f) {
        formulas.push(column);
        return `=${cell.f}`;
      }
      return cellText(cell);
    });
    rows.push({ line: index + 1, cells, formulas });
  });
  return { format, sheets, sheet: name!, rows };
}

/** A workbook cell as text: dates as YYYY-MM-DD, numbers as written (a postcode formatted 00000 keeps its zero). */
function cellText(cell: XLSX.CellObject): string | null {
  if (cell.v === undefined || cell.v === null) return null;
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (typeof cell.v === "number") return cell.w && /^0\d+$/.test(cell.w) ? cell.w : String(cell.v);
  if (typeof cell.v === "boolean") return cell.v ? "true" : "false";
  return String(cell.v);
}

const headerSearchRows = 20; // a title or a note may sit above the header

function csvRows(text: string, delimiter: string, file: string, limits: typeof inputLimits): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      to: limits.spreadsheetRows + headerSearchRows + 1,
      max_record_size: limits.cellChars * 10,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    throw new InputFileError(
      `${file}${lines ? `:${lines}` : ""}: cannot be read as CSV (${message.replace(/^Invalid Record Length: /, "")})`,
    );
  }
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    // info.lines is the line the record ends on; a record starts on the line after the previous one ended.
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const cells = record.map((value) => (value.trim() === "" ? null : (restoreCell(value) as string)));
    // A CSV holds no formulas, only text that a spreadsheet program would run as one: said, kept as text.
    return { line, cells, formulas: cells.flatMap((cell, column) => (cell?.startsWith("=") ? [column] : [])) };
  });
}

function tableOf(
  read: { format: Table["format"]; sheets: string[]; sheet: string | undefined; rows: RawRow[] },
  file: string,
  encoding: TextEncoding | undefined,
  delimiter: string | undefined,
  headerLine: number | undefined,
  limits: typeof inputLimits,
): Table {
  const filled = read.rows
    .map((row) => ({ ...row, cells: row.cells.map((c) => (c === null ? null : c.replace(/\r\n?/g, "\n").trim() || null)) }))
    .filter((row) => row.cells.some((c) => c !== null));
  if (filled.length === 0) throw new InputFileError(`${file}: ${read.sheet ? `sheet "${read.sheet}" ` : ""}holds no data`);
  const header = headerLine !== undefined ? filled.find((r) => r.line === headerLine) : findHeaderLine(filled.slice(0, headerSearchRows));
  if (!header) throw new InputFileError(`${file}: row ${headerLine} is empty: it cannot be the header`);
  const rows = filled.filter((r) => r.line > header.line);
  if (rows.length > limits.spreadsheetRows)
    throw new InputFileError(
      `${file}: has more than ${limits.spreadsheetRows.toLocaleString("en")} rows, more than one import may hold: split it into several files`,
    );
  if (rows.length === 0) throw new InputFileError(`${file}: has a header (row ${header.line}) and no row under it`);
  const width = Math.max(header.cells.length, ...rows.map((r) => lastFilled(r.cells) + 1));
  if (width > limits.spreadsheetColumns)
    throw new InputFileError(`${file}: has ${width} columns, more than an import reads (${limits.spreadsheetColumns})`);
  for (const row of rows)
    row.cells.forEach((cell, column) => {
      if (cell !== null && cell.length > limits.cellChars)
        throw new InputFileError(
          `${file}:${row.line}: the cell of column ${columnLetter(column)} holds ${cell.length} characters (${limits.cellChars} at most)`,
        );
    });
  return {
    file,
    format: read.format,
    encoding,
    delimiter,
    sheet: read.sheet,
    sheets: read.sheets,
    headerLine: header.line,
    headers: uniqueHeaders(Array.from({ length: width }, (_, i) => header.cells[i] ?? null)),
    rows: rows.map((r) => ({ line: r.line, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null), formulas: r.formulas })),
  };
}

function lastFilled(cells: (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== null) return i;
  return -1;
}

/** Every column gets a name: an empty header is its letter ("Colonne C"), a repeated one is numbered ("Nom (2)"). */
function uniqueHeaders(cells: (string | null)[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell?.replace(/\s+/g, " ").trim() || `Colonne ${columnLetter(index)}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** 0 → A, 25 → Z, 26 → AA: the spreadsheet's own column names. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
