import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildGazetteer } from "./build-gazetteer.ts";
import type { GazetteerData } from "./gazetteer-types.ts";

/** Built at install (npm's postinstall) from packages, never edited by hand; git-ignored. */
export const gazetteerFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.cache/gazetteer.json");

export function writeGazetteerFile(data: GazetteerData, file = gazetteerFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(data));
  fs.renameSync(temporary, file); // never leave a half-written gazetteer behind
}

/** Reads the built gazetteer, building it first if it is missing. */
export function readGazetteerFile(file = gazetteerFile): GazetteerData {
  if (!fs.existsSync(file)) writeGazetteerFile(buildGazetteer(undefined), file);
  return JSON.parse(fs.readFileSync(file, "utf8")) as GazetteerData;
}
