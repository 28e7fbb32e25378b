import fs from "node:fs";
import { parseCsv } from "../csv.ts";
import type { CoordinatesFileRow } from "./join-coordinates.ts";

const codeColumns = ["code_insee", "code_commune_insee", "insee", "codgeo", "code_commune", "code"];
const latColumns = ["latitude_centre", "latitude", "latitude_mairie", "lat"];
const lonColumns = ["longitude_centre", "longitude", "longitude_mairie", "lon", "lng"];

/**
 * Reads a CSV of communes with coordinates, such as data.gouv.fr's "communes-france" file
 * (code_insee, latitude_centre, longitude_centre…) or "communes-departement-region"
 * (code_commune_INSEE, latitude, longitude). Comma or semicolon separated; quotes allowed.
 */
export function readCoordinatesFile(file: string): CoordinatesFileRow[] {
  // One row per line: commune files have no line breaks inside quoted fields.
  const lines = parseCsv(fs.readFileSync(file, "utf8"));
  if (lines.filter((cells) => cells.some((cell) => cell.trim())).length < 2)
    throw new Error(`${file}: empty, expected a header line and one line per commune`);
  const header = lines[0]!.map((name) => name.trim().toLowerCase());
  const find = (names: string[], what: string): number => {
    for (const name of names) {
      const index = header.indexOf(name);
      if (index >= 0) return index;
    }
    throw new Error(`${file}:1: no ${what} column (looked for ${names.join(", ")})`);
  };
  const code = find(codeColumns, "INSEE code");
  const lat = find(latColumns, "latitude");
  const lon = find(lonColumns, "longitude");
  const rows: CoordinatesFileRow[] = [];
  lines.slice(1).forEach((cells, index) => {
    if (!cells.some((cell) => cell.trim())) return; // a blank line
    const row = {
      code: (cells[code] ?? "").trim().padStart(5, "0"),
      lat: Number((cells[lat] ?? "").replace(",", ".")),
      lon: Number((cells[lon] ?? "").replace(",", ".")),
    };
    if (!/^[0-9AB]{5}$/.test(row.code)) throw new Error(`${file}:${index + 2}: "${cells[code]}" is not an INSEE code`);
    if (cells[lat]?.trim() && cells[lon]?.trim()) rows.push(row);
  });
  return rows;
}
