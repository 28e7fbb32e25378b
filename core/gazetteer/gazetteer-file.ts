import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildGazetteer } from "./build-gazetteer.ts";
import { gazetteerFormat, type GazetteerData } from "./gazetteer-types.ts";

/** Built at install (npm's postinstall) from packages, never edited by hand; git-ignored. */
export const gazetteerFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.cache/gazetteer.json");

export function writeGazetteerFile(data: GazetteerData, file = gazetteerFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(data));
  fs.renameSync(temporary, file); // never leave a half-written gazetteer behind
}

/** Reads the built gazetteer, building it first if it is missing or of an older format. */
export function readGazetteerFile(file = gazetteerFile): GazetteerData {
  if (!gazetteerFileIsCurrent(file)) writeGazetteerFile(buildGazetteer(undefined), file);
  return JSON.parse(fs.readFileSync(file, "utf8")) as GazetteerData;
}

/** Built, and by this version of the code (a gazetteer of an older format lacks what the code reads). */
export function gazetteerFileIsCurrent(file = gazetteerFile): boolean {
  if (!fs.existsSync(file)) return false;
  // The format is near the start: read a little, not the 3 MB.
  const head = Buffer.alloc(64);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.toString("utf8").startsWith(`{"format":${gazetteerFormat},`);
}
