import path from "node:path";
import { parseCommandLine } from "../cli/parse-command-line.ts";
import { buildGazetteer } from "./build-gazetteer.ts";
import { gazetteerFile, gazetteerFileIsCurrent, writeGazetteerFile } from "./gazetteer-file.ts";
import { readCoordinatesFile } from "./read-coordinates-file.ts";
import type { GazetteerStats } from "./gazetteer-types.ts";

const usage = `npm run gazetteer                                 rebuild .cache/gazetteer.json from the installed packages, print what it knows
npm run gazetteer -- --coordinates FILE.csv      also take coordinates from a communes CSV (e.g. data.gouv.fr's communes-france)
npm run gazetteer -- --if-missing                do nothing if the gazetteer is already built, by this version (npm install runs this)`;

const { values } = parseCommandLine({
  name: "npm run gazetteer",
  usage,
  options: { coordinates: { type: "string" }, "if-missing": { type: "boolean" } },
});
try {
  if (values["if-missing"] && gazetteerFileIsCurrent()) process.exit(0);
  const coordinatesPath = values.coordinates;
  const coordinatesFile = coordinatesPath ? { path: path.resolve(coordinatesPath), rows: readCoordinatesFile(coordinatesPath) } : undefined;
  const data = buildGazetteer(coordinatesFile);
  writeGazetteerFile(data);
  console.log(describe(data.stats));
  console.log(`Written to ${path.relative(process.cwd(), gazetteerFile)} from ${data.sources.join(", ")}`);
} catch (error) {
  console.error(`gazetteer: ${(error as Error).message}`);
  process.exit(1);
}

function describe(stats: GazetteerStats): string {
  const pct = (n: number): string => `${((100 * n) / stats.communes).toFixed(1)} %`;
  return [
    `Gazetteer: ${stats.communes} communes`,
    `  file coordinates:          ${stats.byPrecision.file} (${pct(stats.byPrecision.file)})`,
    `  GeoNames (precise):        ${stats.byPrecision.geonames} (${pct(stats.byPrecision.geonames)}), ${(100 * stats.populationShareGeonames).toFixed(0)} % of the population`,
    `  intercommunalité centroid: ${stats.byPrecision["epci-centroid"]} (${pct(stats.byPrecision["epci-centroid"])}), approximate: median error ${stats.epciCentroidErrorKm.median} km, 90th percentile ${stats.epciCentroidErrorKm.p90} km (leave-one-out on ${stats.epciCentroidErrorKm.sample} communes)`,
    `  département centroid:      ${stats.byPrecision["departement-centroid"]} (${pct(stats.byPrecision["departement-centroid"])}), approximate and coarse`,
    `  without coordinates:       ${stats.withoutCoordinates}`,
  ].join("\n");
}
