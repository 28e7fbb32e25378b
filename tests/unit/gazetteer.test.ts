import { describe, expect, it } from "vitest";
import { Gazetteer, PlaceError } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { haversineKm } from "../../core/gazetteer/join-coordinates.ts";

const gazetteer = new Gazetteer(readGazetteerFile());

function placeError(query: string): PlaceError {
  try {
    gazetteer.resolve(query);
  } catch (error) {
    if (error instanceof PlaceError) return error;
    throw error;
  }
  throw new Error(`"${query}" resolved, but an error was expected`);
}

describe("gazetteer built from the installed packages", () => {
  it("knows every current commune of the COG and places nearly all of them", () => {
    const { stats } = gazetteer;
    console.info(
      `gazetteer: ${stats.communes} communes, ${stats.withCoordinates} with coordinates (${((100 * stats.withCoordinates) / stats.communes).toFixed(1)} %), ` +
        `${stats.byPrecision.geonames} precise, ${stats.withoutCoordinates} without; centroid error median ${stats.epciCentroidErrorKm.median} km, p90 ${stats.epciCentroidErrorKm.p90} km`,
    );
    expect(stats.communes).toBe(34969); // COG 2026, communes actuelles
    expect(stats.withCoordinates / stats.communes).toBeGreaterThan(0.99);
    expect(stats.withoutCoordinates).toBe(stats.communes - stats.withCoordinates);
    // Only the collectivités d'outre-mer (975, 977, 978, 984, 986-989), which GeoNames files elsewhere, lack coordinates.
    const unplaced = readGazetteerFile()
      .communes.filter((c) => c[6] === null)
      .map((c) => c[2]);
    expect(new Set(unplaced)).toEqual(new Set(unplaced.filter((d) => /^9(7[5789]|8\d)$/.test(d))));
    expect(stats.byPrecision.geonames / stats.communes).toBeGreaterThan(0.2);
    expect(stats.populationShareGeonames).toBeGreaterThan(0.75);
    expect(stats.epciCentroidErrorKm.median).toBeLessThan(10);
    expect(stats.epciCentroidErrorKm.p90).toBeLessThan(20);
  });

  it.each([
    ["Lille", "59350", 50.629, 3.057],
    ["Vimy", "62861", 50.372, 2.81],
    ["Beauvais", "60057", 49.43, 2.081],
    ["Loos-en-Gohelle", "62528", 50.457, 2.792],
  ])("places %s (%s) within 2 km of where it is", (name, code, lat, lon) => {
    const commune = gazetteer.resolve(name);
    expect(commune.code).toBe(code);
    expect(commune.approximate).toBe(false);
    expect(haversineKm(commune.lat!, commune.lon!, lat, lon)).toBeLessThan(2);
  });

  it("ignores accents, case, hyphens and the St abbreviation", () => {
    expect(gazetteer.resolve("loos en gohelle").code).toBe("62528");
    expect(gazetteer.resolve("LOOS-EN-GOHELLE").code).toBe("62528");
    expect(gazetteer.resolve("evry courcouronnes").name).toBe("Évry-Courcouronnes");
    expect(gazetteer.resolve("st denis (93)").code).toBe("93066");
    expect(gazetteer.resolve("62861").name).toBe("Vimy");
  });

  it("lists the homonyms of an ambiguous name, with their département, and lets the user pick one", () => {
    const error = placeError("Saint-Denis");
    expect(error.reason).toBe("ambiguous");
    expect(error.candidates.map((c) => c.departement).sort()).toEqual(["11", "30", "93", "974"]);
    expect(error.message).toContain("Saint-Denis (93, Seine-Saint-Denis)");
    expect(gazetteer.resolve("Saint-Denis (93)").code).toBe("93066");
    expect(gazetteer.resolve("Saint-Denis, La Réunion").code).toBe("97411");
  });

  it("suggests the closest names for an unknown one, most populous first among equals", () => {
    const error = placeError("Beauvai");
    expect(error.reason).toBe("unknown");
    expect(error.candidates[0]!.name).toBe("Beauvais");
    expect(placeError("Lile").candidates[0]!.name).toBe("Lille");
    expect(placeError("Zzyzx-sur-Mer").candidates).toEqual([]);
  });

  it("flags a commune placed at its intercommunalité's centroid as approximate", () => {
    const approximate = readGazetteerFile().communes.find((c) => c[8] === "epci-centroid")!;
    const commune = gazetteer.commune(approximate[0])!;
    expect(commune.approximate).toBe(true);
    expect(commune.lat).not.toBeNull();
  });
});
