import { InputFileError } from "../../../core/cli/input-file.ts";

export type TextEncoding = "utf-8" | "utf-8 (BOM)" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * The text of a CSV file, whatever its spreadsheet program saved it as. A BOM says it; otherwise
 * bytes that are valid UTF-8 are UTF-8 (text in another encoding with accents almost never is),
 * and anything else is Windows-1252, what Excel on Windows writes for "CSV (séparateur : point-virgule)"
 * (ISO-8859-1 is its subset for letters). A statistical detector would only guess between these.
 */
export function decodeText(bytes: Uint8Array, shown: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new InputFileError(`${shown}: the file is empty`);
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0xef, 0xbb, 0xbf)) return { text: utf8(bytes.subarray(3), shown), encoding: "utf-8 (BOM)" };
  if (starts(0xff, 0xfe)) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (starts(0xfe, 0xff)) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  refuseBinary(bytes, shown);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

function utf8(bytes: Uint8Array, shown: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(`${shown}: starts like UTF-8 text (a BOM) but is not UTF-8 further on: save it again as CSV UTF-8`);
  }
}

/** A renamed image, archive or program is not a spreadsheet: NUL bytes or many control characters say so. */
function refuseBinary(bytes: Uint8Array, shown: string): void {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new InputFileError(`${shown}: is a binary file, not a spreadsheet (it holds NUL bytes)`);
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control += 1;
  }
  if (control > sample.length / 100)
    throw new InputFileError(`${shown}: is a binary file, not a spreadsheet (${control} control characters in its first bytes)`);
}

/**
 * The delimiter of a CSV text: of ; , tab and |, the one that splits the first lines (outside
 * quotes) into the same number of fields most often. French Excel writes ";", others ",".
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/"(?:[^"]|"")*("|$)/g, ""))
    .filter((line) => line.trim() !== "")
    .slice(0, 30);
  let best = { delimiter: ",", score: -1 };
  for (const delimiter of [";", ",", "\t", "|"]) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const [mode, times] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = times * 1000 + mode; // lines that agree first, then more fields
    if (mode > 0 && score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
