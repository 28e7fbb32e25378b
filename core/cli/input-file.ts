import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";

/** A file a tool was given that it cannot read: one line saying which and why, never a stack. */
export class InputFileError extends Error {
  override name = "InputFileError";
}

/**
 * The largest inputs the tools read (README "Limits"): past them a file is refused before it is
 * read, so that memory stays bounded whatever is passed (a 50 MB seed file would need ~1 GB parsed).
 */
export const inputLimits = {
  seedFileBytes: 8 * 2 ** 20, // one seed YAML; the benchmark's 2 000-entity parts are ~1 MB
  csvBytes: 20 * 2 ** 20, // one Kumu CSV
  xlsxBytes: 20 * 2 ** 20, // an .xlsx as stored
  xlsxInflatedBytes: 100 * 2 ** 20, // an .xlsx once unzipped (a zip bomb inflates 500 times)
  ficheBytes: 1 * 2 ** 20, // a fiche's text: the Vimy fiche is 14 kB
  spreadsheetBytes: 20 * 2 ** 20, // any spreadsheet as stored (CSV, XLSX, ODS, XLS)
  spreadsheetInflatedBytes: 100 * 2 ** 20, // an XLSX or ODS once unzipped
  spreadsheetRows: 50_000, // rows of one sheet: a 10 000-row preview takes a few seconds (README "Limits")
  spreadsheetColumns: 200,
  cellChars: 20_000, // one cell
  pdfBytes: 20 * 2 ** 20, // a PDF fiche
  pdfPages: 60, // the fiches have 2 to 8 pages
};

export interface InputFileRules {
  what: string; // "seed file", "fiche"…: how the message names it
  extensions?: string[]; // accepted endings, with their dot
  maxBytes: number;
  text?: boolean; // must be non-empty UTF-8 text without NUL bytes
}

/** Checks a file before a tool reads it: exists, is a file, has an accepted extension, is small enough. */
export function checkInputFile(file: string, rules: InputFileRules): fs.Stats {
  const shown = path.relative(process.cwd(), file) || file;
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(code === "ENOENT" ? `${shown}: no such file` : `${shown}: cannot be read (${code})`);
  }
  if (!stats.isFile()) throw new InputFileError(`${shown}: is not a file`);
  if (rules.extensions && !rules.extensions.some((ext) => file.toLowerCase().endsWith(ext)))
    throw new InputFileError(`${shown}: a ${rules.what} must end in ${rules.extensions.join(" or ")}`);
  if (stats.size > rules.maxBytes)
    throw new InputFileError(
      `${shown}: ${megabytes(stats.size)} is more than a ${rules.what} may be (${megabytes(rules.maxBytes)} at most)`,
    );
  return stats;
}

/** Reads a text input after checkInputFile: refuses an empty file, a binary one, and bytes that are not UTF-8. */
export function readTextInput(file: string, rules: InputFileRules): string {
  checkInputFile(file, rules);
  const shown = path.relative(process.cwd(), file) || file;
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") throw new InputFileError(`${shown}: the ${rules.what} is empty`);
  if (bytes.includes(0)) throw new InputFileError(`${shown}: is a binary file, not a ${rules.what} (it holds NUL bytes)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new InputFileError(`${shown}: is not UTF-8 text (save the ${rules.what} as UTF-8)`);
  }
}

/**
 * Unzips an .xlsx into nothing, counting its bytes, and stops past `maxBytes`: the workbook reader
 * inflates everything in memory, so its real size is measured first (yauzl also checks each entry
 * against the size the archive declares, so a lying header is caught too).
 */
export async function checkZipInflatedSize(file: string, maxBytes: number): Promise<number> {
  return (await inspectZip(file, maxBytes, "workbook")).inflatedBytes;
}

/** A zip's entries and their inflated size, read from a file or from bytes; refused past `maxBytes` or when damaged. */
export function inspectZip(
  input: string | Buffer,
  maxBytes: number,
  what: string, // "workbook", "spreadsheet": how messages name it
  shownAs?: string,
): Promise<{ names: string[]; inflatedBytes: number; read: (name: string) => Buffer | undefined }> {
  const shown = shownAs ?? (typeof input === "string" ? path.relative(process.cwd(), input) || input : "the file");
  const refuse = (why: string) => new InputFileError(`${shown}: ${why}`);
  return new Promise((resolve, reject) => {
    const opened = (error: Error | null, zip: yauzl.ZipFile | undefined) => {
      if (error || !zip)
        return reject(
          refuse(`is not ${what === "workbook" ? "an .xlsx workbook" : `a readable ${what}`} (${error?.message ?? "unreadable zip"})`),
        );
      let total = 0;
      const names: string[] = [];
      const small = new Map<string, Buffer>(); // manifests and the like, which the caller may look into
      zip.on("error", (cause: Error) => reject(refuse(`is a damaged ${what} (${cause.message})`)));
      zip.on("end", () => resolve({ names, inflatedBytes: total, read: (name) => small.get(name) }));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        names.push(entry.fileName);
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(refuse(`is a damaged ${what} (${streamError?.message})`));
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => {
            total += chunk.length;
            if (entry.uncompressedSize <= 64 * 1024) chunks.push(chunk);
            if (total > maxBytes) {
              stream.destroy();
              zip.close();
              reject(refuse(`unzips to more than ${megabytes(maxBytes)} (a ${what} this large, or a zip bomb, is refused)`));
            }
          });
          stream.on("error", (cause: Error) => reject(refuse(`is a damaged ${what} (${cause.message})`)));
          stream.on("end", () => {
            if (chunks.length) small.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    };
    if (typeof input === "string") yauzl.open(input, { lazyEntries: true, autoClose: true }, opened);
    else yauzl.fromBuffer(input, { lazyEntries: true }, opened);
  });
}

export function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MB`;
}
