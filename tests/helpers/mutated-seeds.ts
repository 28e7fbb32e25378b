import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listSeedFiles } from "../../seeds/load-seeds.ts";

export interface MutatedSeeds {
  files: string[]; // seeds/data with the mutated file in place of the original
  file: string; // path of the mutated file
  lineOf(marker: string): number; // 1-based line of the first occurrence of marker in it
}

/** seeds/data with one file changed: `from` (which must occur exactly once) replaced by `to`. */
export function mutateSeeds(fileName: string, from: string, to: string): MutatedSeeds {
  const original = listSeedFiles().find((file) => path.basename(file) === fileName);
  if (!original) throw new Error(`no seed file ${fileName}`);
  const text = fs.readFileSync(original, "utf8");
  if (text.split(from).length !== 2) throw new Error(`"${from}" must occur exactly once in ${fileName}`);
  const mutated = text.replace(from, to);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-seeds-"));
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, mutated);
  return {
    files: [...listSeedFiles().filter((f) => f !== original), file],
    file,
    lineOf: (marker) => {
      const index = mutated.indexOf(marker);
      if (index < 0) throw new Error(`marker "${marker}" not in the mutated file`);
      return mutated.slice(0, index).split("\n").length;
    },
  };
}

/** A seed file written from scratch, checked together with seeds/data. */
export function extraSeedFile(name: string, text: string): MutatedSeeds {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extra-seeds-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return {
    files: [...listSeedFiles(), file],
    file,
    lineOf: (marker) => text.slice(0, text.indexOf(marker)).split("\n").length,
  };
}

/** The bad files the loader must reject, each with the line it must point at and what it must say. */
export const badSeedCases: { name: string; make: () => MutatedSeeds; marker: string; message: RegExp }[] = [
  {
    name: "YAML syntax error",
    make: () => mutateSeeds("places.yaml", "{ slug: lille, name: Lille,", '{ slug: lille, name: "Lille,'),
    marker: '"Lille,',
    message: /YAML/,
  },
  {
    name: "unknown section",
    make: () => mutateSeeds("allies.yaml", "\nallies:\n", "\nalies:\n"),
    marker: "alies:",
    message: /unknown section "alies"/,
  },
  {
    name: "unknown property (a typo)",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "    population: 4261", "    populaton: 4261"),
    marker: "populaton",
    message: /unknown property "populaton" for Territory/,
  },
  {
    name: "wrong type",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "    population: 4261", "    population: beaucoup"),
    marker: "population: beaucoup",
    message: /population: expected a whole number, got "beaucoup"/,
  },
  {
    name: "malformed slug",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "{ slug: xavier-lacouture,", "{ slug: Xavier Lacouture,"),
    marker: "slug: Xavier Lacouture",
    message: /slug "Xavier Lacouture" must be lowercase/,
  },
  {
    name: "duplicate entity in one file",
    make: () =>
      mutateSeeds(
        "territoires-pilotes-saison-2-vimy.yaml",
        "  - { slug: culture,",
        "  - { slug: agriculture, name: Agriculture }\n  - { slug: culture,",
      ),
    marker: "{ slug: agriculture, name: Agriculture, quote",
    message: /duplicate Theme "agriculture"/,
  },
  {
    name: "reference to an unknown slug",
    make: () => mutateSeeds("places.yaml", "{ type: PART_OF, from: lille, to: nord }", "{ type: PART_OF, from: lille, to: nrod }"),
    marker: "to: nrod",
    message: /unknown slug "nrod"/,
  },
  {
    name: "relationship between the wrong kinds",
    make: () =>
      mutateSeeds(
        "territoires-pilotes-saison-2-vimy.yaml",
        "    from: extracites\n    to: vimy\n    season: 1",
        "    from: lille\n    to: vimy\n    season: 1",
      ),
    marker: "from: lille",
    message: /ACCOMPANIED goes from Ally to Territory, but "lille" is a Territory/,
  },
  {
    name: "unknown relationship type",
    make: () => mutateSeeds("allies.yaml", "  - type: SUPPORTS", "  - type: FUNDS"),
    marker: "type: FUNDS",
    message: /relationship type "FUNDS" is unknown/,
  },
  {
    name: "coordinates out of range",
    make: () =>
      mutateSeeds("allies.yaml", "    legalForm: SCOP\n", "    legalForm: SCOP\n    location: { latitude: 95, longitude: 3.06 }\n"),
    marker: "location:",
    message: /latitude 95 is not between -90 and 90/,
  },
  {
    name: "impossible date",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "plannedEndDate: 2024-09", "plannedEndDate: 2024-13"),
    marker: "plannedEndDate",
    message: /"2024-13" has no month 13/,
  },
  {
    name: "ends before it starts",
    make: () =>
      mutateSeeds(
        "territoires-pilotes-saison-2-vimy.yaml",
        "    startYear: 2021\n    endYear: 2022\n    role:",
        "    startYear: 2022\n    endYear: 2021\n    role:",
      ),
    marker: "  - type: ACCOMPANIED\n    from: extracites",
    message: /ACCOMPANIED ends \(2021\) before it starts \(2022\)/,
  },
  {
    name: "unknown source",
    make: () => mutateSeeds("places.yaml", "source: cog", "source: insee"),
    marker: "{ slug: hauts-de-france",
    message: /unknown source "insee"/,
  },
  {
    name: "quote not in the source",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", '"4 261 habitants"', '"4 621 habitants"'),
    marker: "  - slug: vimy",
    message: /quote not found in source "territoires-pilotes-saison-2-vimy": "4 621 habitants"/,
  },
  {
    name: "value outside its list",
    make: () =>
      mutateSeeds("places.yaml", "{ slug: beauvais, name: Beauvais, kind: commune,", "{ slug: beauvais, name: Beauvais, kind: ville,"),
    marker: "{ slug: beauvais",
    message: /kind: expected one of commune, intercommunalité/,
  },
  {
    name: "two files disagree",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "    areaKm2: 11.3", '    areaKm2: 11.3\n    inseeCode: "62862"'),
    marker: "inseeCode",
    message: /Territory "vimy" inseeCode is "62862" here but "62861" in seeds\/data\/places.yaml:\d+/,
  },
  {
    name: "INSEE code that names another commune",
    make: () =>
      mutateSeeds("places.yaml", 'name: Beauvais, kind: commune, inseeCode: "60057"', 'name: Beauvais, kind: commune, inseeCode: "60058"'),
    marker: "{ slug: beauvais",
    message: /the COG calls 60058 ".+", not "Beauvais"/,
  },
  {
    name: "PART_OF that the COG contradicts",
    make: () => mutateSeeds("places.yaml", "{ type: PART_OF, from: beauvais, to: oise }", "{ type: PART_OF, from: beauvais, to: nord }"),
    marker: "from: beauvais, to: nord",
    message: /the COG does not put "beauvais" in "nord" \(59\); it is in 60/,
  },
  {
    name: "missing required property",
    make: () => mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "    title: Fiche Action 2.0\n", ""),
    marker: "  - slug: fiche-action-2-0",
    message: /Initiative "fiche-action-2-0" is missing "title"/,
  },
  {
    name: "relationship stated twice",
    make: () =>
      mutateSeeds(
        "places.yaml",
        "  - { type: PART_OF, from: nord, to: hauts-de-france }\n",
        "  - { type: PART_OF, from: nord, to: hauts-de-france }\n  - {type: PART_OF, from: nord, to: hauts-de-france}\n",
      ),
    marker: "{type: PART_OF, from: nord",
    message: /PART_OF from "nord" to "hauts-de-france" is already stated at/,
  },
];
