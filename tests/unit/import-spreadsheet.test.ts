import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { resolveAddress } from "../../core/gazetteer/resolve-address.ts";
import { entityKinds } from "../../core/model/index.ts";
import { buildPreview } from "../../seeds/import/spreadsheet/build-preview.ts";
import type { GraphSnapshot } from "../../seeds/import/spreadsheet/graph-snapshot.ts";
import { guessMapping } from "../../seeds/import/spreadsheet/guess-mapping.ts";
import { MatchIndex, candidateOf, websiteDomain } from "../../seeds/import/spreadsheet/match-entities.ts";
import { parseCell } from "../../seeds/import/spreadsheet/parse-cell.ts";
import { changeOfPreview } from "../../seeds/import/spreadsheet/preview-to-change.ts";
import { readSpreadsheet } from "../../seeds/import/spreadsheet/read-spreadsheet.ts";
import { zipFile } from "../helpers/zip-file.ts";

const gazetteer = new Gazetteer(readGazetteerFile());
const fixtures = path.join("tests", "imports");

describe("reading a spreadsheet of any shape", () => {
  const csv = "Nom;Type de structure;Commune\nAtelier Éphémère;SCOP;Arras\n";
  it.each([
    ["UTF-8", Buffer.from(csv, "utf8"), "utf-8"],
    ["UTF-8 with a BOM", Buffer.from(`\uFEFF${csv}`, "utf8"), "utf-8 (BOM)"],
    ["Windows-1252", Buffer.from(csv, "latin1"), "windows-1252"],
    [
      "UTF-16 (Excel's Unicode text)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replace(/;/g, "\t"), "utf16le")]),
      "utf-16le",
    ],
  ])("a CSV in %s keeps its accents", async (_, bytes, encoding) => {
    const table = await readSpreadsheet(bytes, "a.csv");
    expect(table.encoding).toBe(encoding);
    expect(table.headers).toEqual(["Nom", "Type de structure", "Commune"]);
    expect(table.rows[0]!.cells[0]).toBe("Atelier Éphémère");
  });

  it.each([
    [";", "Nom;Commune\nA;Arras\nB;Lille\n"],
    [",", 'Nom,Commune\nA,Arras\n"B, et C",Lille\n'],
    ["\t", "Nom\tCommune\nA\tArras\n"],
    ["|", "Nom|Commune|CP\nA|Arras|62000\n"],
  ])("finds the delimiter %j", async (delimiter, text) => {
    const table = await readSpreadsheet(Buffer.from(text), "a.csv");
    expect(table.delimiter).toBe(delimiter);
    expect(table.headers[1]).toBe("Commune");
  });

  it("skips a title above the header, names empty and repeated headers, and keeps the spreadsheet's row numbers", async () => {
    const table = await readSpreadsheet(Buffer.from("Liste des alliés — mars\n\nNom;;Nom\nA;x;B\n"), "a.csv");
    expect(table.headerLine).toBe(3);
    expect(table.headers).toEqual(["Nom", "Colonne B", "Nom (2)"]);
    expect(table.rows[0]!.line).toBe(4);
  });

  it("reads the committed XLSX and ODS (LibreOffice's) files of the labelled set", async () => {
    const xlsx = await readSpreadsheet(fs.readFileSync(path.join(fixtures, "membres.xlsx")), "membres.xlsx");
    expect(xlsx.format).toBe("xlsx");
    expect(xlsx.sheet).toBe("Membres");
    expect(xlsx.headers).toEqual(["Structure", "Type", "Localité", "Code Postal", "Dépt", "Lien", "SIREN"]);
    expect(xlsx.rows.length).toBe(250);
    const ods = await readSpreadsheet(fs.readFileSync(path.join(fixtures, "members-en.ods")), "members-en.ods");
    expect(ods.format).toBe("ods");
    expect(ods.headers).toEqual(["Name", "Kind", "City", "Postcode", "Website"]);
    expect(ods.rows.length).toBe(200);
  });

  it("keeps a formula as its text, never its value, and says so", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Alliés");
    sheet.addRow(["Nom", "Site web"]);
    sheet.addRow(["Atelier", { formula: 'HYPERLINK("https://evil.example","clic")', result: "clic" }]);
    const table = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()), "f.xlsx");
    expect(table.rows[0]!.cells[1]).toBe('=HYPERLINK("https://evil.example","clic")');
    expect(table.rows[0]!.formulas).toEqual([1]);
  });

  it.each([
    ["a password-protected XLSX", () => fs.readFileSync(path.join(fixtures, "refused", "protected.xlsx")), /is protected by a password/],
    ["a password-protected ODS", () => fs.readFileSync(path.join(fixtures, "refused", "protected.ods")), /is protected by a password/],
    ["a zip bomb", () => zipFile([{ name: "xl/workbook.xml", data: Buffer.alloc(120 * 2 ** 20, "<c/>") }]), /unzips to more than 100 MB/],
    ["a zip that holds no workbook", () => zipFile([{ name: "photo.jpg", data: Buffer.from("x") }]), /is a zip archive, not a spreadsheet/],
    [
      "a binary renamed .csv",
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /is a binary file, not a spreadsheet/,
    ],
    ["a PDF", () => Buffer.from("%PDF-1.7\n..."), /is a PDF, not a spreadsheet: import it as a fiche/],
    ["an empty file", () => Buffer.alloc(0), /the file is empty/],
    ["a header and no row", () => Buffer.from("Nom;Commune\n"), /has a header \(row 1\) and no row under it/],
    ["200 000 rows", () => Buffer.from("Nom;CP\n" + "Atelier;62000\n".repeat(200_000)), /has more than 50,000 rows.*split it/],
    [
      "300 columns",
      () => Buffer.from(Array.from({ length: 300 }, (_, i) => `c${i}`).join(";") + "\n" + "x;".repeat(299) + "x\n"),
      /has 300 columns/,
    ],
  ])("refuses %s in one line", async (_, make, expected) => {
    await expect(readSpreadsheet(make(), "f.csv")).rejects.toThrow(expected);
  });
});

describe("mapping columns from the model's names", () => {
  const headersOf = async (text: string) => guessMapping(await readSpreadsheet(Buffer.from(text), "liste.csv"));
  it("maps the issue's French headers, and leaves contact details out", async () => {
    const { kind, columns } = await headersOf(
      "Nom;Type de structure;Commune;Code postal;Site web;SIREN;Courriel\nA;SCOP;Arras;62000;a.fr;123456789;a@a.fr\n",
    );
    expect(kind).toBe("ally");
    expect(columns.map((c) => c.target)).toEqual(["name", "kind", "place:commune", "place:postcode", "website", "siren", null]);
    expect(columns[6]!.how).toBe("personal-data");
  });
  it.each([
    [
      "Raison sociale,Catégorie,Ville,CP,Site internet,SIRET",
      ["name", "kind", "place:commune", "place:postcode", "website", "siren"],
      "ally",
    ],
    ["Name,Kind,City,Postcode,Website", ["name", "kind", "place:commune", "place:postcode", "website"], "ally"],
    [
      "Projet;Description;Statut;Date de début;Ville;Porteur;Thématiques",
      ["title", "summary", "status", "startDate", "place:commune", "link:CONTRIBUTED_TO:in", "link:ABOUT:out"],
      "initiative",
    ],
    ["Nom complet,Fonction,Structure", ["name", "role", "link:WORKS_FOR:out"], "person"],
    ["Commune;CP;Population", ["place:commune", "place:postcode", "population"], "territory"],
  ])("%s", async (header, targets, kind) => {
    const guessed = await headersOf(
      `${header}\n${header
        .split(/[;,]/)
        .map(() => "x")
        .join(header.includes(";") ? ";" : ",")}\n`,
    );
    expect(guessed.kind).toBe(kind);
    expect(guessed.columns.map((c) => c.target)).toEqual(targets);
  });
  it("reads a column no header names by its values (postcodes)", async () => {
    const { columns } = await headersOf("Nom;Colonne mystère\nA;62000\nB;59000\nC;80000\n");
    expect(columns[1]).toMatchObject({ target: "place:postcode", how: "values" });
  });
});

describe("values as spreadsheets write them", () => {
  const ally = entityKinds.Ally.properties;
  it.each([
    ["SCOP", ally.kind, "cooperative"],
    ["asso", ally.kind, "association"],
    ["Bureau d'études", ally.kind, "consultancy"],
    ["www.atelier.fr", ally.website, "https://www.atelier.fr"],
    ["123 456 789 00012", ally.siren, "123456789"],
    ["4 261", entityKinds.Territory.properties.population, 4261],
    ["11,3", entityKinds.Territory.properties.areaKm2, 11.3],
    ["03/2024", entityKinds.Initiative.properties.startDate, "2024-03"],
    ["septembre 2024", entityKinds.Initiative.properties.startDate, "2024-09"],
    ["terminé", entityKinds.Initiative.properties.status, "completed"],
  ])("%j is %j", (raw, property, value) => {
    expect(parseCell(raw, property)).toMatchObject({ value });
  });
  it.each([
    ["truc", ally.kind, "unknown-value"],
    ["beaucoup", entityKinds.Territory.properties.population, "bad-value"],
    ["12345", ally.siren, "bad-value"],
    ["pas un site", ally.website, "bad-value"],
  ])("%j is refused (%s)", (raw, property, reason) => {
    expect(parseCell(raw, property)).toMatchObject({ problem: { reason } });
  });
});

describe("communes by name and postcode or département, never guessed", () => {
  const place = (address: Parameters<typeof resolveAddress>[1]) => resolveAddress(gazetteer, address);
  it.each([
    [{ commune: "Arras", postcode: "62000" }, "62041"],
    [{ commune: "Saint Martin", postcode: "32300" }, "32389"], // Saint-Martin in the Gers, one of five
    [{ commune: "Sainte-Colombe", departement: "Gironde" }, "33390"], // one of twelve
    [{ commune: "ST OMER", postcode: "62500" }, "62765"],
    [{ commune: "Touquet-Paris-Plage (Le)", postcode: "62520" }, "62826"],
    [{ commune: "Lyon 3e", postcode: "69003" }, "69123"],
    [{ commune: "Bourg-en-Bresse", postcode: "1000" }, "01053"], // the zero a spreadsheet dropped
    [{ commune: "Ajaccio", postcode: "20000" }, "2A004"],
    [{ address: "12 rue de la Gare, 62000 Arras" }, "62041"],
    [{ inseeCode: "62861" }, "62861"],
  ])("%j is commune %s", (address, code) => {
    const result = place(address);
    expect(result && "place" in result && result.place.kind === "commune" ? result.place.commune.code : result).toBe(code);
  });
  it.each([
    [{ commune: "Saint-Martin" }, "ambiguous-commune", "Saint-Martin (32, Gers)"],
    [{ commune: "Lille", postcode: "62000" }, "postcode-mismatch", "Lille (59, Nord)"],
    [{ commune: "Valencienne", postcode: "59300" }, "unknown-commune", "Valenciennes (59, Nord)"],
    [{ commune: "Hesdin", postcode: "62140" }, "former-commune", "Hesdin-la-Forêt (62, Pas-de-Calais)"],
    [{ commune: "Boulogne", postcode: "62200" }, "unknown-commune", "Boulogne-sur-Mer (62, Pas-de-Calais)"],
    [{ postcode: "62000" }, "ambiguous-commune", "Dainville (62, Pas-de-Calais)"],
  ])("%j is flagged (%s) with the closest COG names", (address, reason, candidate) => {
    const result = place(address);
    expect(result && "problem" in result ? result.problem.reason : result).toBe(reason);
    const candidates = result && "problem" in result ? result.problem.candidates.map((c) => c.label) : [];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates).toContain(candidate);
  });
  it("places an intercommunalité or a département when a row names no commune", () => {
    expect(place({ epci: "CA du Beauvaisis" })).toMatchObject({ place: { kind: "intercommunalité", siren: "200067999" } });
    expect(place({ departement: "Pas-de-Calais" })).toMatchObject({ place: { kind: "département", code: "62" } });
  });
});

describe("duplicates", () => {
  const graph = new MatchIndex([
    candidateOf({ label: "Ally", slug: "extracites", props: { name: "Extracités", aliases: ["ExtraCité"] }, places: ["59350"] }),
    candidateOf({
      label: "Ally",
      slug: "atelier",
      props: { name: "Atelier du Bocage", website: "https://www.bocage.fr", siren: "111111111" },
      places: ["62041"],
    }),
  ]);
  const row = (name: string, extra: { website?: string; siren?: string; places?: string[] } = {}) =>
    graph.match({ label: "Ally", name, aliases: [], website: extra.website, siren: extra.siren, places: extra.places ?? [] });
  it.each([
    ["EXTRACITES", {}, "extracites", "name"],
    ["ExtraCité", { places: ["59350"] }, "extracites", "alias"],
    ["L'atelier du bocage (SCOP)", { places: ["62041"] }, "atelier", "name"],
    ["Bocage Coop", { website: "bocage.fr/contact" }, "atelier", "website"],
    ["Un autre nom", { siren: "111111111" }, "atelier", "siren"],
  ])("%j is the graph's entity", (name, extra, slug, reason) => {
    const result = row(name, extra);
    expect(result.same?.candidate.slug).toBe(slug);
    expect(result.same?.reasons).toContain(reason);
  });
  it("a different SIREN is another organisation, whatever its name", () => {
    expect(row("Atelier du Bocage", { siren: "222222222", places: ["62041"] })).toEqual({ same: undefined, possible: [] });
  });
  it("the same name elsewhere, or a name a letter off, is put to the user", () => {
    expect(row("Atelier du Bocage", { places: ["59350"] }).possible.map((m) => m.candidate.slug)).toEqual(["atelier"]);
    expect(row("Atelier du Bocag").possible.map((m) => m.reasons)).toEqual([["similar-name"]]);
  });
  it("a website on a shared host says nothing", () => {
    expect(websiteDomain("https://www.facebook.com/atelier")).toBeUndefined();
    expect(websiteDomain("https://www.atelier.fr/contact")).toBe("atelier.fr");
  });
});

describe("the preview, and the change it makes", () => {
  const snapshot: GraphSnapshot = {
    entities: [
      {
        label: "Ally",
        slug: "extracites",
        props: { name: "Extracités", aliases: ["ExtraCité"], kind: "cooperative" },
        relationships: [{ type: "BASED_IN", out: true, label: "Territory", slug: "lille", props: {} }],
      },
      { label: "Territory", slug: "lille", props: { name: "Lille", kind: "commune", inseeCode: "59350" }, relationships: [] },
    ],
  };
  const preview = async (text: string, decisions = {}) => {
    const table = await readSpreadsheet(Buffer.from(text), "liste.csv");
    const { kind, columns } = guessMapping(table);
    return buildPreview({ table, kind, columns, gazetteer, snapshot, decisions });
  };
  const text = [
    "Nom;Type;Commune;Code postal;Site web;Partenaires",
    "Atelier X;SCOP;Arras;62000;www.x.fr;Extracités",
    "EXTRACITÉS;coopérative;Lille;59000;https://extracites.fr;",
    "Asso Y;asso;Saint-Martin;;;",
    "Atelier X;SCOP;Arras;62000;;",
    "Z;truc;Arras;62000;;Inconnu",
  ].join("\n");

  it("says for every row what it creates, updates or leaves, and why, with problems at their cells", async () => {
    const p = await preview(text);
    expect(p.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "create"],
      [3, "update"],
      [4, "problem"],
      [5, "same-as-row"],
      [6, "problem"],
    ]);
    expect(p.rows[0]!.values).toEqual({ name: "Atelier X", kind: "cooperative", legalForm: "SCOP", website: "https://www.x.fr" });
    expect(p.rows[0]!.place).toMatchObject({ slug: "arras", code: "62041", exists: false });
    expect(p.rows[0]!.links).toMatchObject([{ type: "PARTNERED_WITH", other: { slug: "extracites", exists: true } }]);
    expect(p.rows[1]!.changes).toEqual([{ property: "website", before: null, after: "https://extracites.fr" }]); // EXTRACITÉS is no new name
    expect(p.rows[2]!.problems).toMatchObject([{ column: "Commune", reason: "ambiguous-commune" }]);
    expect(p.rows[4]!.problems.map((x) => [x.column, x.reason])).toEqual([
      ["Type", "unknown-value"],
      ["Partenaires", "unknown-link"],
    ]);
    expect(p.territories).toMatchObject([{ slug: "arras", code: "62041", rows: [2, 5] }]);
  });

  it("asks a new entity for what every one has, not a row about an entity the graph or an earlier row holds", async () => {
    const table = await readSpreadsheet(
      Buffer.from(["Nom;Type;Commune", "Extracités;;Lille", "Atelier W;;Arras", "Atelier V;SCOP;Arras", "Atelier V;;Arras"].join("\n")),
      "liste.csv",
    );
    const { columns } = guessMapping(table, { kind: "ally" });
    const p = buildPreview({ table, kind: "ally", columns, gazetteer, snapshot, decisions: {} });
    expect(p.rows.map((r) => [r.line, r.action, r.problems.map((x) => x.reason)])).toEqual([
      [2, "unchanged", []], // Extracités is a cooperative in the graph already
      [3, "problem", ["missing-value"]], // a new ally needs its kind
      [4, "create", []],
      [5, "same-as-row", []], // row 4 gave it
    ]);
  });

  it("applies the user's fixes and decisions", async () => {
    const p = await preview(text, { fixes: { "4": { "Code postal": "32300" } }, drop: [6] });
    expect(p.rows[2]).toMatchObject({ action: "create", place: { code: "32389" } });
    expect(p.rows[4]!.action).toBe("dropped");
  });

  it("makes one change: the new place, the rows' entities and links, each quoting its row; an update names its version", async () => {
    const p = await preview(text);
    const change = changeOfPreview(p, { title: "Liste", publisher: "Réseau" }, new Map([["Ally/extracites", 3]]));
    expect(change.source).toEqual({ document: { title: "Liste", publisher: "Réseau" } });
    expect(
      change.operations.map(
        (o) => `${o.op} ${o.entity?.slug ?? `${o.relationship!.type} ${o.relationship!.from.slug}→${o.relationship!.to.slug}`}`,
      ),
    ).toEqual([
      "CREATE_ENTITY arras",
      "CREATE_ENTITY atelier-x",
      "UPDATE_ENTITY extracites",
      "CREATE_RELATIONSHIP BASED_IN atelier-x→arras",
      "CREATE_RELATIONSHIP PARTNERED_WITH atelier-x→extracites",
    ]);
    expect(change.operations[2]).toMatchObject({ version: 3, properties: { website: "https://extracites.fr" } });
    expect(change.operations[1]!.quotes).toEqual([
      "ligne 2 — Nom : Atelier X ; Type : SCOP ; Commune : Arras ; Code postal : 62000 ; Site web : www.x.fr ; Partenaires : Extracités",
      "ligne 5 — Nom : Atelier X ; Type : SCOP ; Commune : Arras ; Code postal : 62000",
    ]);
  });
});
