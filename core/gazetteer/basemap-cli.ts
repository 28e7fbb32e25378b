import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../cli/parse-command-line.ts";
import { buildBasemap } from "./build-basemap.ts";
import { readGazetteerFile } from "./gazetteer-file.ts";
import { clientDir } from "../client-dir.ts";

parseCommandLine({
  name: "basemap",
  usage: "Part of npm run build: writes dist/client/basemap.json (France and its régions) from the gazetteer.",
  options: {},
});
const basemap = buildBasemap(readGazetteerFile());
fs.mkdirSync(clientDir, { recursive: true });
fs.writeFileSync(path.join(clientDir, "basemap.json"), JSON.stringify(basemap));
console.log(`basemap.json: ${basemap.outline.length} outline rings, ${basemap.regionBorders.length} région border segments`);
