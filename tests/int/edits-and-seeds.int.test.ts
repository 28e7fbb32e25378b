import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { listSeedFiles, loadSeeds, checkSeeds, sourcesDir } from "../../seeds/load-seeds.ts";
import { exportGraph } from "../../seeds/export/export-graph.ts";
import { readGraph } from "../../seeds/export/read-graph.ts";
import { toCypher } from "../../seeds/export/to-cypher.ts";
import { splitStatements } from "../../core/neo4j/cypher-files.ts";
import { ChangeService } from "../../seeds/changes/change-service.ts";
import type { ChangeInput } from "../../seeds/changes/change-input.ts";
import { graphSnapshot } from "../helpers/graph-snapshot.ts";
import { toCsv } from "../../core/csv.ts";
import { importKumu } from "../../seeds/import/import-kumu.ts";
import { openTestDatabase, resetToSeeds, testConfig, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let changes: ChangeService;
const editor = { username: "edith", role: "editor" };
const statement = (quote: string) => ({ statement: { by: "Edith Éditrice", on: "2026-11-30" }, quote });

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  changes = new ChangeService(database.driver, database.database, testGazetteer(), sourcesDir);
});
afterAll(async () => {
  await resetToSeeds(database);
  await database.close();
});

async function count(query: string): Promise<number> {
  const { records } = await database.driver.executeQuery(query, {}, { database: database.database });
  return Number(records[0]!.get(0));
}

/** The alliance without the bookkeeping of changes (which relationship a change wrote). */
async function alliance() {
  const snapshot = await graphSnapshot(database);
  const strip = (row: string) => row.replace(/,?"change":"[0-9a-f-]{36}"/g, "").replace(/\{,/g, "{");
  return { nodes: snapshot.nodes.map(strip).sort(), relationships: snapshot.relationships.map(strip).sort() };
}

describe("import --propose", () => {
  it("sends a sheet to the review queue as one change, writing nothing until an editor accepts it", async () => {
    await resetToSeeds(database);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-propose-"));
    const quote = "elle réunit plus de 400 organisations publiques et privées et 1000 personnes";
    fs.writeFileSync(
      path.join(dir, "sheet-elements.csv"),
      toCsv([
        ["Label", "Type", "Tags", "Description", "Source", "Quotes"],
        ["La Fabrique des transitions", "Ally", "network", quote, "territoires-pilotes-saison-2-vimy", quote],
      ]),
    );
    fs.writeFileSync(
      path.join(dir, "sheet-connections.csv"),
      toCsv([
        ["From", "To", "Type", "Source", "Quote"],
        [
          "ally:la-fabrique-des-transitions",
          "territory:vimy",
          "SUPPORTS",
          "territoires-pilotes-saison-2-vimy",
          "Lors d'une réunion avec Bien fait pour ta com, la ville de Vimy et la Fabrique des transitions, le contour du projet pilote est dessiné",
        ],
      ]),
    );
    const before = await alliance();
    const result = await importKumu(database.driver, database.database, [path.join(dir, "sheet-elements.csv")], testGazetteer(), {
      write: true,
      propose: { author: "import:test" },
    });
    expect(result.written).toBeUndefined();
    expect(result.proposed?.operations).toBe(2); // the description updated, the SUPPORTS created
    expect(await alliance()).toEqual(before);
    const [pending] = await changes.pending(10);
    expect(pending).toMatchObject({ id: result.proposed!.id, kind: "import", status: "pending", author: "import:test" });
    await changes.accept(pending!.id, editor, undefined);
    expect(await count("MATCH (a:Ally {slug: 'la-fabrique-des-transitions'}) WHERE a.description = '" + quote + "' RETURN count(a)")).toBe(
      1,
    );
    expect(
      await count("MATCH (:Ally {slug: 'la-fabrique-des-transitions'})-[:SUPPORTS]->(:Territory {slug: 'vimy'}) RETURN count(*)"),
    ).toBe(1);
    fs.rmSync(dir, { recursive: true });
    await resetToSeeds(database);
  });
});

describe("extract --propose", () => {
  it("checks the draft with the rest of seeds/data and holds what it states as one pending change of kind extract", async () => {
    const run = promisify(execFile);
    const env = { ...process.env, NEO4J_URI: testConfig().neo4j.uri, LOG_LEVEL: "error" };
    // A change removes a fact the fiche states: the fiche's draft proposes it again.
    await changes.apply(
      {
        operations: [{ op: "UPDATE_ENTITY", entity: { kind: "territory", slug: "vimy" }, version: 0, properties: { areaKm2: null } }],
        source: statement("La superficie de Vimy est à vérifier."),
      },
      editor,
      "edit",
    );
    const before = await alliance();
    const proposed = await run(
      "npx",
      ["tsx", "seeds/extract/extract-cli.ts", "seeds/sources/territoires-pilotes-saison-2-vimy.txt", "--propose"],
      { env },
    );
    expect(proposed.stderr).toMatch(/Proposed change [0-9a-f-]{36} \(\d+ operations\) for review/);
    expect(await alliance()).toEqual(before);
    const [pending] = await changes.pending(10);
    expect(pending).toMatchObject({ kind: "extract", status: "pending" });
    expect(pending!.input.source).toEqual({ slug: "territoires-pilotes-saison-2-vimy" });
    expect(pending!.input.operations).toContainEqual(
      expect.objectContaining({
        op: "UPDATE_ENTITY",
        entity: { kind: "territory", slug: "vimy" },
        version: 1,
        properties: { areaKm2: 11.3 },
      }),
    );
    await resetToSeeds(database);
  }, 120_000);
});

describe("seed files and edits together", () => {
  it("npm run seed after edits keeps what the changes made, deleted relationships included", async () => {
    const edits: ChangeInput[] = [
      {
        operations: [
          {
            op: "UPDATE_ENTITY",
            entity: { kind: "ally", slug: "extracites" },
            version: 0,
            properties: { description: "Coopérative d'urbanistes" },
          },
        ],
        source: statement("Extracités est une coopérative d'urbanistes."),
      },
      {
        operations: [
          {
            op: "CREATE_ENTITY",
            entity: { kind: "ally", slug: "maison-des-communs" },
            properties: { name: "Maison des communs", kind: "association" },
          },
          {
            op: "CREATE_RELATIONSHIP",
            relationship: { type: "BASED_IN", from: { kind: "ally", slug: "maison-des-communs" }, to: { kind: "territory", slug: "vimy" } },
          },
        ],
        source: statement("La Maison des communs est une association de Vimy."),
      },
      {
        operations: [
          {
            op: "DELETE_RELATIONSHIP",
            relationship: {
              type: "ACCOMPANIED",
              from: { kind: "ally", slug: "extracites" },
              to: { kind: "territory", slug: "vimy" },
              properties: { season: 1 },
            },
          },
        ],
        source: statement("Extracités n'a pas accompagné Vimy."),
      },
    ];
    for (const edit of edits) await changes.apply(edit, editor, "edit");
    const edited = await alliance();
    expect(edited.nodes.some((n) => n.includes("Coopérative d'urbanistes"))).toBe(true);

    // The Cypher export carries the change records with the data.
    const script = toCypher(await readGraph(database.driver, database.database));
    const ids = (await changes.history("Ally", "maison-des-communs")).changes.map((c) => c.id);
    expect(ids).toHaveLength(1);
    expect(script).toContain("MERGE (c:Change {id: row.props.id})");
    expect(script).toContain(ids[0]);

    const result = await loadSeeds(database.driver, database.database, listSeedFiles(), testGazetteer(), true);
    expect(result.keptEdits).toBe(2); // extracites (edited) and the deleted ACCOMPANIED, which the files still state
    expect(await alliance()).toEqual(edited);
    expect(await count("MATCH (:Ally {slug: 'maison-des-communs'})-[:BASED_IN]->(:Territory {slug: 'vimy'}) RETURN count(*)")).toBe(1);
    expect(await count("MATCH (:Ally {slug: 'extracites'})-[:ACCOMPANIED {season: 1}]->(:Territory {slug: 'vimy'}) RETURN count(*)")).toBe(
      0,
    );

    // The script, run into an empty database, brings the history back with the data: an entity's
    // history is read through the records' links to their keys, which the script makes at its end.
    await database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
    for (const statement of splitStatements(script)) await database.driver.executeQuery(statement, {}, { database: database.database });
    expect(await alliance()).toEqual(edited);
    expect((await changes.history("Ally", "maison-des-communs")).changes.map((c) => c.id)).toEqual(ids);
  });

  it("export --format seeds writes files the loader accepts, which load into an empty database as the same graph", async () => {
    const before = await alliance();
    expect(before.nodes.length).toBeGreaterThan(20);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-seeds-"));
    const { files } = await exportGraph(database.driver, database.database, "seeds", dir);
    expect(files.map((f) => path.basename(f))).toContain("sources.yaml");
    const exported = listSeedFiles(dir);
    expect(exported.length).toBeGreaterThan(2);
    const checked = checkSeeds(exported, testGazetteer());
    expect(checked.problems).toEqual([]);

    await database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
    expect(await count("MATCH (n) RETURN count(n)")).toBe(0);
    await loadSeeds(database.driver, database.database, exported, testGazetteer(), true);
    expect(await alliance()).toEqual(before);
    // Into a folder of seed files, only with --replace (both sets together would state every fact twice).
    const run = promisify(execFile);
    const env = { ...process.env, NEO4J_URI: testConfig().neo4j.uri, LOG_LEVEL: "error" };
    const refused = await run("npx", ["tsx", "seeds/export/export-cli.ts", "--format", "seeds", "--out", dir], { env }).catch((e) => e);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds \d+ seed file\(s\); add --replace/);
    fs.writeFileSync(path.join(dir, "old.yaml"), "sources: []\n");
    await run("npx", ["tsx", "seeds/export/export-cli.ts", "--format", "seeds", "--out", dir, "--replace"], { env });
    expect(fs.existsSync(path.join(dir, "old.yaml"))).toBe(false);
    expect(checkSeeds(listSeedFiles(dir), testGazetteer()).problems).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  }, 120_000);
});
