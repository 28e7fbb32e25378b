import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { neutralizeCell, restoreCell } from "./text/spreadsheet-cell.ts";

/**
 * RFC 4180 CSV (csv-stringify): comma, CRLF, quotes doubled; a BOM so that spreadsheet programs read
 * UTF-8; text that a spreadsheet would run as a formula neutralised (core/text/spreadsheet-cell.ts).
 */
export function toCsv(rows: (string | number | boolean | null)[][]): string {
  return (
    "\uFEFF" +
    stringify(
      rows.map((row) => row.map(neutralizeCell)),
      // Semicolons quoted too: the reader guesses the delimiter from the first line, outside quotes.
      { record_delimiter: "\r\n", quoted_match: /[\r\n;]/, cast: { boolean: (value) => String(value) } },
    )
  );
}

/**
 * Parses CSV (csv-parse): comma or semicolon (French spreadsheets write semicolons: the first line
 * tells which), quoted fields across lines, a BOM; rows of strings.
 */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, "");
  const firstLine = unquoted(input.slice(0, input.search(/\r?\n|$/)));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows = parse(input, { delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true }) as string[][];
  return rows.map((row) => row.map(restoreCell));
}

/** A line with its quoted parts taken out: what is left are the delimiters. */
function unquoted(line: string): string {
  return line.replace(/"(?:[^"]|"")*("|$)/g, "");
}
