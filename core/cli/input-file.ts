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
export function checkZipInflatedSize(file: string, maxBytes: number): Promise<number> {
  const shown = path.relative(process.cwd(), file) || file;
  const refuse = (why: string) => new InputFileError(`${shown}: ${why}`);
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(refuse(`is not an .xlsx workbook (${error?.message ?? "unreadable zip"})`));
      let total = 0;
      zip.on("error", (cause: Error) => reject(refuse(`is a damaged workbook (${cause.message})`)));
      zip.on("end", () => resolve(total));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(refuse(`is a damaged workbook (${streamError?.message})`));
          stream.on("data", (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxBytes) {
              stream.destroy();
              zip.close();
              reject(refuse(`unzips to more than ${megabytes(maxBytes)} (a workbook this large, or a zip bomb, is refused)`));
            }
          });
          stream.on("error", (cause: Error) => reject(refuse(`is a damaged workbook (${cause.message})`)));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MB`;
}
