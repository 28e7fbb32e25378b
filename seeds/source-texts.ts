import fs from "node:fs";
import path from "node:path";

/**
 * The text a quote is looked for in: markdown emphasis removed, words hyphenated across lines
 * joined again, every run of white space
 * (line breaks of the PDF's columns included) made one space, typographic apostrophes made plain.
 */
export function normalizeForQuotes(text: string): string {
  return text
    .replace(/\*+/g, "")
    .replace(/[’‘]/g, "'")
    .replace(/(\p{L})-[ \t]*\r?\n\s*/gu, "$1-") // "Hauts-⏎de-France" is "Hauts-de-France"
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads a source's text file from the sources folder; undefined when it is not there. */
export function readSourceText(sourcesDir: string, file: string): string | undefined {
  const full = path.resolve(sourcesDir, file);
  if (!full.startsWith(path.resolve(sourcesDir) + path.sep) || !fs.existsSync(full)) return undefined;
  return normalizeForQuotes(fs.readFileSync(full, "utf8"));
}
