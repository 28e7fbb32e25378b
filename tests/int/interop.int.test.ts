import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import cytoscape from "cytoscape";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv, toCsv } from "../../core/csv.ts";
import { exportGraph } from "../../seeds/export/export-graph.ts";
import { splitStatements } from "../../core/neo4j/cypher-files.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { importKumu } from "../../seeds/import/import-kumu.ts";
import { loadSeeds, SeedProblems } from "../../seeds/load-seeds.ts";
import ExcelJS from "exceljs";
import { mutateSeeds } from "../helpers/mutated-seeds.ts";
import { formatProblem } from "../../seeds/problem.ts";
import { graphSnapshot, propertyTypes } from "../helpers/graph-snapshot.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let seeded: Awaited<ReturnType<typeof graphSnapshot>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-interop-"));

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  seeded = await graphSnapshot(database);
});
afterAll(async () => {
  await resetToSeeds(database);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const wipe = () => database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
const run = (paths: string[], write = true) => importKumu(database.driver, database.database, paths, testGazetteer(), { write });

describe("round trips: export, wipe, import gives the same graph", () => {
  it("Kumu XLSX (counts, properties, relationships, provenance), and importing it again changes nothing", async () => {
    const file = path.join(dir, "alliance.xlsx");
    const exported = await exportGraph(database.driver, database.database, "kumu", file);
    expect(exported.nodes).toBe(seeded.nodes.length);
    await wipe();
    const { written } = await run([file]);
    expect(written!.nodes).toBe(seeded.nodes.length);
    expect(await graphSnapshot(database)).toEqual(seeded);
    await run([file]);
    expect(await graphSnapshot(database)).toEqual(seeded);
  });

  it("Kumu CSV (two files)", async () => {
    const { files } = await exportGraph(database.driver, database.database, "kumu", path.join(dir, "alliance.csv"));
    expect(files.map((f) => path.basename(f))).toEqual(["alliance-elements.csv", "alliance-connections.csv"]);
    const header = parseCsv(fs.readFileSync(files[0]!, "utf8"))[0]!;
    expect(header.slice(0, 5)).toEqual(["ID", "Label", "Type", "Description", "Tags"]);
    expect(parseCsv(fs.readFileSync(files[1]!, "utf8"))[0]!.slice(0, 4)).toEqual(["From", "To", "Type", "Direction"]);
    await wipe();
    await run([files[0]!]); // the connections file is found by its name
    expect(await graphSnapshot(database)).toEqual(seeded);
  });

  it("Kumu CSV and XLSX neutralise text a spreadsheet would run as a formula, and import it back as it was", async () => {
    const formula = '=HYPERLINK("https://example.org","clic")';
    const mutated = mutateSeeds("allies.yaml", "description: une coopérative de communication", `description: '${formula}'`);
    await wipe();
    await loadSeeds(database.driver, database.database, mutated.files, testGazetteer(), true);
    const before = await graphSnapshot(database);
    expect(before.nodes.some((n) => n.includes("HYPERLINK"))).toBe(true);
    const { files } = await exportGraph(database.driver, database.database, "kumu", path.join(dir, "formula.csv"));
    const cells = parseCsv(fs.readFileSync(files[0]!, "utf8").replace(/'=/g, "\u0000=")).flat(); // read raw: keep our apostrophe visible
    expect(cells.some((c) => c.startsWith("\u0000=HYPERLINK"))).toBe(true);
    expect(cells.some((c) => c.startsWith("=HYPERLINK"))).toBe(false);
    const xlsx = path.join(dir, "formula.xlsx");
    await exportGraph(database.driver, database.database, "kumu", xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const values: unknown[] = [];
    workbook.getWorksheet("Elements")!.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(`'${formula}`);
    for (const file of [files[0]!, xlsx]) {
      await wipe();
      await run([file]);
      expect(await graphSnapshot(database)).toEqual(before);
    }
    await resetToSeeds(database);
  });

  it("Cypher script, run statement by statement, keeping every property's type (a whole FLOAT stays FLOAT)", async () => {
    const types = await propertyTypes(database);
    expect(types.filter((row) => row.includes("|") && row.endsWith("FLOAT NOT NULL")).length).toBeGreaterThan(0); // relationships' floats
    const file = path.join(dir, "alliance.cypher");
    await exportGraph(database.driver, database.database, "cypher", file);
    await wipe();
    for (const statement of splitStatements(fs.readFileSync(file, "utf8")))
      await database.driver.executeQuery(statement, {}, { database: database.database });
    expect(await graphSnapshot(database)).toEqual(seeded);
    expect(await propertyTypes(database)).toEqual(types);
  });
});

describe("exports for other tools", () => {
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["key", "node", "edge", "data", "attribute", "attvalue", "attributes"].includes(name),
  });

  it("GraphML keeps kinds and properties, typed, for Gephi", async () => {
    const file = path.join(dir, "alliance.graphml");
    await exportGraph(database.driver, database.database, "graphml", file);
    const doc = xml.parse(fs.readFileSync(file, "utf8")).graphml;
    expect(doc.graph[0] ?? doc.graph).toBeDefined();
    const graph = Array.isArray(doc.graph) ? doc.graph[0] : doc.graph;
    expect(graph.node).toHaveLength(seeded.nodes.length);
    expect(graph.edge).toHaveLength(seeded.relationships.length);
    const keys = Object.fromEntries(doc.key.map((k: any) => [`${k.for}:${k["attr.name"]}`, k["attr.type"]]));
    expect(keys).toMatchObject({
      "node:type": "string",
      "node:kind": "string",
      "node:label": "string",
      "node:population": "int",
      "node:areaKm2": "double",
      "node:latitude": "double",
      "edge:type": "string",
      "edge:season": "int",
      "edge:quote": "string",
    });
    const vimy = graph.node.find((n: any) => n.id === "territory:vimy");
    const data = Object.fromEntries(vimy.data.map((d: any) => [d.key, String(d["#text"])]));
    expect(data).toMatchObject({ n_type: "Territory", n_kind: "commune", n_population: "4261", n_label: "Vimy" });
  });

  it("GEXF 1.3 declares its attributes and labels its nodes", async () => {
    const file = path.join(dir, "alliance.gexf");
    await exportGraph(database.driver, database.database, "gexf", file);
    const doc = xml.parse(fs.readFileSync(file, "utf8")).gexf;
    expect(doc.version).toBe("1.3");
    const graph = doc.graph;
    expect(graph.nodes.node).toHaveLength(seeded.nodes.length);
    expect(graph.edges.edge).toHaveLength(seeded.relationships.length);
    const nodeAttributes = graph.attributes.find((a: any) => a.class === "node").attribute;
    const typeId = nodeAttributes.find((a: any) => a.title === "type").id;
    const extracites = graph.nodes.node.find((n: any) => n.id === "ally:extracites");
    expect(extracites.label).toBe("Extracités");
    expect(extracites.attvalues.attvalue.find((v: any) => v.for === typeId).value).toBe("Ally");
    expect(graph.edges.edge.find((e: any) => e.label === "ACCOMPANIED" && e.source === "ally:extracites").target).toBe("territory:vimy");
  });

  it("JSON in Cytoscape.js's elements format", async () => {
    const file = path.join(dir, "alliance.json");
    await exportGraph(database.driver, database.database, "json", file);
    const { elements } = JSON.parse(fs.readFileSync(file, "utf8"));
    const cy = cytoscape({ headless: true, elements });
    expect(cy.nodes()).toHaveLength(seeded.nodes.length);
    expect(cy.edges()).toHaveLength(seeded.relationships.length);
    expect(cy.getElementById("ally:extracites").data()).toMatchObject({ kind: "ally", slug: "extracites", label: "Extracités" });
    expect(cy.getElementById("territory:vimy").data()).toMatchObject({ latitude: 50.37243, longitude: 2.81034 });
  });
});

describe("the commands", () => {
  it("npm run export and npm run import work from the command line, against NEO4J_URI", async () => {
    await resetToSeeds(database);
    const { spawnSync } = await import("node:child_process");
    const env = { ...process.env, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "warn" };
    const out = path.join(dir, "cli.xlsx");
    const exported = spawnSync(process.execPath, ["--import", "tsx", "seeds/export/export-cli.ts", "--format", "kumu", "--out", out], {
      env,
      encoding: "utf8",
    });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`Exported ${seeded.nodes.length} nodes and ${seeded.relationships.length} relationships`));
    const checked = spawnSync(process.execPath, ["--import", "tsx", "seeds/import/import-cli.ts", out, "--check"], {
      env,
      encoding: "utf8",
    });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^OK: \d+ entities and \d+ relationships are valid; nothing written/);
    const unknown = spawnSync(process.execPath, ["--import", "tsx", "seeds/export/export-cli.ts", "--format", "pdf"], {
      env,
      encoding: "utf8",
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--format must be one of kumu, graphml, gexf, json, cypher/);
  });
});

describe("importing a bad spreadsheet", () => {
  it("reports every problem with its sheet and row, and writes nothing", async () => {
    await resetToSeeds(database);
    const { files } = await exportGraph(database.driver, database.database, "kumu", path.join(dir, "bad.csv"));
    const elements = parseCsv(fs.readFileSync(files[0]!, "utf8"));
    const header = elements[0]!;
    const column = (name: string) => header.indexOf(name);
    const vimyRow = elements.findIndex((row) => row[0] === "territory:vimy");
    elements[vimyRow]![column("population")] = "beaucoup";
    elements.push(["ally:nouvel-allie", "Nouvel allié", "Allié", "", "", ...header.slice(5).map(() => "")]);
    fs.writeFileSync(files[0]!, toCsv(elements));
    const connections = parseCsv(fs.readFileSync(files[1]!, "utf8"));
    connections.push(["ally:extracites", "territory:nowhere", "BASED_IN", "directed", "", ...connections[0]!.slice(5).map(() => "")]);
    fs.writeFileSync(files[1]!, toCsv(connections));

    const before = await graphSnapshot(database);
    const error = await run([files[0]!]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedProblems);
    const lines = (error as SeedProblems).problems.map(formatProblem);
    const elementsName = path.relative(process.cwd(), files[0]!);
    const connectionsName = path.relative(process.cwd(), files[1]!);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${elementsName}:${vimyRow + 1}: Territory population: expected a whole number, got "beaucoup"`,
        `${elementsName}:${elements.length}: Type "Allié" is not one of Territory, Ally, Initiative, Person, Cohort, Theme, Source`,
        expect.stringMatching(
          new RegExp(
            `^${connectionsName.replace(/[.]/g, "\\.")}:${connections.length}: to: unknown slug "territory-nowhere"|^${connectionsName.replace(/[.]/g, "\\.")}:${connections.length}: to: no Territory has the slug "nowhere"`,
          ),
        ),
      ]),
    );
    expect(await graphSnapshot(database)).toEqual(before);
  });

  it("accepts a hand-made sheet that refers to what the database holds, with its own source and quotes", async () => {
    const elements = path.join(dir, "new-elements.csv");
    fs.writeFileSync(
      elements,
      toCsv([
        ["Label", "Type", "Tags", "Description", "Source", "Quotes"],
        [
          "La Fabrique des transitions",
          "Ally",
          "network",
          "",
          "territoires-pilotes-saison-2-vimy",
          "La Fabrique des transitions anime une alliance transpartisane",
        ],
      ]),
    );
    fs.writeFileSync(
      path.join(dir, "new-connections.csv"),
      toCsv([
        ["From", "To", "Type", "Source", "Quote"],
        ["ally:la-fabrique-des-transitions", "territory:vimy", "LOCATED_IN", "territoires-pilotes-saison-2-vimy", ""],
      ]),
    );
    const error = await run([elements], false).catch((e: unknown) => e);
    // LOCATED_IN goes from an initiative: the sheet is refused, with the row.
    expect((error as SeedProblems).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/new-connections\.csv:2: LOCATED_IN from must be Initiative, not "Ally"$/),
    ]);
    fs.writeFileSync(
      path.join(dir, "new-connections.csv"),
      toCsv([
        ["From", "To", "Type", "season", "role", "Source", "Quote"],
        [
          "ally:la-fabrique-des-transitions",
          "territory:vimy",
          "ACCOMPANIED",
          "2",
          "accompagnement du projet pilote",
          "territoires-pilotes-saison-2-vimy",
          "",
        ],
      ]),
    );
    const { plan } = await run([elements], false);
    expect(plan.nodeCount).toBe(1);
  });
});
