import fs from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCypherFiles, readQuery, splitStatements } from "../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../core/neo4j/cypher-template.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import {
  cohortTypes,
  labels as graphLabels,
  networkLabels,
  partOfTypes,
  propertiesOf,
  relationshipKinds,
  themeTypes,
  tieTypes,
} from "../../core/model/index.ts";
import { mergeNodesQuery, mergeProvenanceQuery, mergeRelationshipsQuery } from "../../seeds/load-queries.ts";
import { openTestDatabase, resetToSeeds, testLog } from "../helpers/test-database.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
});
afterAll(async () => database.close());

const explain = (query: string, params: Record<string, unknown>) =>
  database.driver.executeQuery(`EXPLAIN ${query}`, params, { database: database.database });
const profile = async (query: string, params: Record<string, unknown>): Promise<string> => {
  const { summary } = await database.driver.executeQuery(`PROFILE ${query}`, params, { database: database.database });
  const operators: string[] = [];
  const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
    operators.push(`${plan.operatorType} ${String(plan.arguments.Details ?? "")}`);
    plan.children.forEach((child) => walk(child as never));
  };
  walk(summary.profile as never);
  return operators.join("\n");
};

const point = new neo4j.types.Point(4326, 3.06, 50.63);
const queryParams: Record<string, Record<string, unknown>> = {
  "allies-near": { point, radiusMetres: 30000, limit: neo4j.int(100), theme: null, allyKind: null, themeTypes },
  search: { query: "extracites", limit: neo4j.int(5) },
  neighbourhood: { slug: "vimy", depth: neo4j.int(1), limit: neo4j.int(10), firstHop: neo4j.int(10), perNode: neo4j.int(5) },
  paths: { fromSlug: "ademe", toSlug: "vimy", limit: neo4j.int(1) },
  collaborators: { slug: "extracites" },
  "entity-exists": { slug: "vimy" },
  overview: { limit: neo4j.int(10) },
  "existing-entities": {},
  "graph-version": {},
  "network-nodes": { labels: networkLabels, tieTypes, cohortTypes, themeTypes, partOfTypes },
  "network-ties": { labels: networkLabels, tieTypes },
  "data-quality": { labels: graphLabels, tieTypes },
  "entity-card": { slug: "vimy" },
  "export-nodes": {},
  "export-relationships": {},
  "export-changes": {},
  entities: {
    refs: [
      { label: "Territory", slug: "vimy" },
      { label: "Ally", slug: "extracites" },
    ],
  },
};

describe("every hand-written query of cypher/ compiles against the real database", () => {
  it.each(listCypherFiles("queries").map((file) => path.basename(file, ".cypher")))("cypher/queries/%s.cypher", async (name) => {
    const params = queryParams[name];
    expect(params, `give ${name}.cypher parameters in this test`).toBeDefined();
    for (const label of graphLabels) {
      const text = fs.readFileSync(path.join("cypher/queries", `${name}.cypher`), "utf8");
      if (!text.includes("__")) {
        await explain(fillQuery(`queries/${name}`, {}), params!);
        break;
      }
      await explain(fillQuery(`queries/${name}`, { __LABEL__: label, __FROM__: label, __TO__: "Territory" }), params!);
    }
  });

  it("the loader's templates, for every label and relationship type of the model", async () => {
    for (const bulk of [false, true]) {
      for (const label of graphLabels) {
        await explain(mergeNodesQuery(label, bulk), { rows: [] });
        if (label !== "Source") await explain(mergeProvenanceQuery(label, bulk), { rows: [] });
      }
      for (const kind of Object.values(relationshipKinds)) {
        for (const from of kind.from)
          for (const to of kind.to) await explain(mergeRelationshipsQuery(kind.type, from, to, bulk), { rows: [] });
      }
    }
    await explain(fillQuery("load/graph-is-empty", {}), {});
    await explain(fillQuery("load/mark-loaded", {}), { sources: [], edited: [] });
    await explain(fillQuery("load/sweep-unstated", {}), {});
    await explain(fillQuery("load/bump-graph-version", {}), {});
  });

  it.each(["changes", "auth", "backup", "import"])(
    "every query of cypher/%s/, for every label and relationship type it may be filled with",
    async (folder) => {
      const files = listCypherFiles(folder);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const name = `${folder}/${path.basename(file, ".cypher")}`;
        const text = fs.readFileSync(file, "utf8");
        if (!/__(LABEL|FROM|TO|TYPE)__/.test(text)) {
          await explain(fillQuery(name, {}), {});
          continue;
        }
        for (const kind of Object.values(relationshipKinds))
          for (const from of kind.from)
            for (const to of kind.to)
              await explain(fillQuery(name, { __LABEL__: from, __FROM__: from, __TO__: to, __TYPE__: kind.type }), {});
      }
    },
  );

  it("the schema files apply again without error (idempotent)", async () => {
    for (const file of listCypherFiles("schema")) {
      for (const statement of splitStatements(fs.readFileSync(file, "utf8")))
        await database.driver.executeQuery(statement, {}, { database: database.database });
    }
    const { records } = await database.driver.executeQuery(
      "SHOW INDEXES YIELD name, type, state RETURN name, type, state",
      {},
      { database: database.database },
    );
    const indexes = Object.fromEntries(records.map((r) => [r.get("name"), `${r.get("type")} ${r.get("state")}`]));
    expect(indexes).toMatchObject({
      territory_location: "POINT ONLINE",
      ally_location: "POINT ONLINE",
      entity_text: "FULLTEXT ONLINE",
      territory_slug: "RANGE ONLINE",
    });
  });

  it("the database holds, online, every constraint and index the model asks for", async () => {
    const { records } = await database.driver.executeQuery(
      "SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties, state WHERE entityType = 'NODE' AND type <> 'LOOKUP' RETURN type, labelsOrTypes, properties, state",
      {},
      { database: database.database },
    );
    const found = records.map(
      (r) => `${r.get("type")} ${[...r.get("labelsOrTypes")].sort().join("|")} ${r.get("properties").join(",")} ${r.get("state")}`,
    );
    const wanted = [
      ...graphLabels.map((label) => `RANGE ${label} slug ONLINE`), // the slug constraints' indexes
      "RANGE GraphVersion id ONLINE",
      "RANGE Account username ONLINE",
      "RANGE Change id ONLINE",
      "RANGE Change status ONLINE", // the review queue
      "RANGE ChangeKey key ONLINE", // an entity's history: its key's node, linked from its change records
      "RANGE ImportMapping name ONLINE",
      ...graphLabels.filter((label) => "location" in propertiesOf(label)).map((label) => `POINT ${label} location ONLINE`),
      ...graphLabels.flatMap((label) =>
        Object.entries(propertiesOf(label))
          .filter(([, p]) => p.index === "range")
          .map(([name]) => `RANGE ${label} ${name} ONLINE`),
      ),
      `FULLTEXT ${graphLabels
        .filter((label) => Object.values(propertiesOf(label)).some((p) => p.search))
        .sort()
        .join("|")} ${[
        ...new Set(
          graphLabels.flatMap((label) =>
            Object.entries(propertiesOf(label))
              .filter(([, p]) => p.search)
              .map(([name]) => name),
          ),
        ),
      ].join(",")} ONLINE`,
    ];
    expect(found.sort()).toEqual(wanted.sort());
  });

  it("a fulltext index left by an older model (other properties) is rebuilt to the model's", async () => {
    const run = (query: string) => database.driver.executeQuery(query, {}, { database: database.database });
    await run("DROP INDEX entity_text");
    await run("CREATE FULLTEXT INDEX entity_text FOR (n:Territory|Ally) ON EACH [n.name]");
    await applySchema(database.driver, database.database, testLog);
    const { records } = await run(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'entity_text' RETURN labelsOrTypes, properties",
    );
    const searched = graphLabels.flatMap((label) =>
      Object.entries(propertiesOf(label))
        .filter(([, p]) => p.search)
        .map(([name]) => name),
    );
    expect(searched.length).toBeGreaterThan(1);
    expect([...records[0]!.get("properties")].sort()).toEqual([...new Set(searched)].sort());
    expect(records[0]!.get("labelsOrTypes")).toHaveLength(graphLabels.length);
  });

  it("PROFILE: the point index serves alliesNear, the fulltext index serves search", async () => {
    const near = await profile(fillQuery("queries/allies-near", {}), queryParams["allies-near"]!);
    expect(near).toMatch(/NodeIndexSeekByRange\S* POINT INDEX t:Territory\(location\) WHERE point\.distance/);
    const search = await profile(fillQuery("queries/search", {}), queryParams.search!);
    expect(search).toMatch(/ProcedureCall.*db\.index\.fulltext\.queryNodes/);
  });

  it("PROFILE: a change record is found by its id, the review queue by status, each through its index", async () => {
    const byId = await profile(readQuery("changes/read-change"), { id: "no-such-change" });
    expect(byId).toMatch(/NodeUniqueIndexSeek\S* UNIQUE c:Change\(id\) WHERE id = \$id/);
    expect(byId).not.toMatch(/LabelScan|AllNodesScan/);
    const byStatus = await profile(readQuery("changes/read-changes-by-status"), { status: "pending", limit: neo4j.int(10) });
    expect(byStatus).toMatch(/NodeIndexSeek\S* RANGE INDEX c:Change\(status\) WHERE status = \$status/);
    expect(byStatus).not.toMatch(/LabelScan|AllNodesScan/);
  });

  it("change records are found by a key they touched or mention, matched whole, whatever characters it holds", async () => {
    const run = (query: string, params: Record<string, unknown> = {}) =>
      database.driver.executeQuery(query, params, { database: database.database });
    // Keys as core/change-keys.ts makes them, and one with quotes, a backslash and Lucene's operators.
    const odd = 'ACCOMPANIED|Ally/a|Territory/b|saison "2" \\ (a) OR b*';
    const records = [
      { id: "key-test-1", status: "applied", seq: 900001, keys: ["Ally/key-test", odd], mentions: ["Territory/key-test"] },
      { id: "key-test-2", status: "applied", seq: 900002, keys: ["Ally/key-test-longer"], mentions: [] },
      { id: "key-test-3", status: "pending", keys: ["Ally/key-test"], mentions: [] },
      { id: "key-test-4", status: "applied", seq: 900003, keys: ["Territory/other"], mentions: ["Ally/key-test"] },
    ];
    // Written as a database of before the key links held them: the schema's pass links them.
    await run("UNWIND $records AS record CREATE (c:Change) SET c = record, c.createdAt = datetime()", { records });
    try {
      const unlinked = "MATCH (c:Change) WHERE c.id STARTS WITH 'key-test-' AND NOT EXISTS { (c)-->(:ChangeKey) } RETURN count(c) AS n";
      expect(Number((await run(unlinked)).records[0]!.get("n"))).toBe(4);
      await applySchema(database.driver, database.database, testLog); // what every program opening the database runs first
      expect(Number((await run(unlinked)).records[0]!.get("n"))).toBe(0);
      expect(Number((await run(fillQuery("changes/link-change-keys", {}))).records[0]!.get("linked"))).toBe(0); // once
      const byKey = async (key: string, status: string | null = null) =>
        (await run(readQuery("changes/read-changes-by-key"), { key, status, limit: neo4j.int(10) })).records
          .map((r) => String(r.get("change").id))
          .sort();
      expect(await byKey("Ally/key-test")).toEqual(["key-test-1", "key-test-3", "key-test-4"]); // not key-test-longer
      expect(await byKey("Ally/key-test", "pending")).toEqual(["key-test-3"]);
      expect(await byKey("Territory/key-test")).toEqual(["key-test-1"]);
      expect(await byKey(odd)).toEqual(["key-test-1"]);
      expect(await byKey("Ally/key")).toEqual([]);
      const after = async (keys: string[], seq: number) =>
        (await run(readQuery("changes/applied-after"), { keys, seq: neo4j.int(seq) })).records.map((r) => String(r.get("change").id));
      expect(await after(["Ally/key-test", "Ally/key-test-longer"], 0)).toEqual(["key-test-1", "key-test-2"]); // applied, by seq; not mentions
      expect(await after(["Ally/key-test"], 900001)).toEqual([]);
      expect(await after([odd], 900000)).toEqual(["key-test-1"]);
      const later = async (keys: string[], seq: number) =>
        (await run(readQuery("changes/later-changes"), { keys, seq: neo4j.int(seq) })).records.map((r) => String(r.get("id")));
      expect(await later(["Ally/key-test"], 900000)).toEqual(["key-test-1", "key-test-4"]); // touched or mentioned
      expect(await later(["Ally/key-test"], 900001)).toEqual(["key-test-4"]);
      // Applying a held change sets its keys: its links follow (update-change.cypher), the old ones go.
      await run(fillQuery("changes/update-change", {}), {
        id: "key-test-3",
        set: { status: "applied", seq: neo4j.int(900004), keys: ["Ally/key-test-other"], mentions: ["Ally/key-test"] },
        relink: true,
      });
      expect(await after(["Ally/key-test"], 900000)).toEqual(["key-test-1"]); // key-test-3 no longer changed it
      expect(await after(["Ally/key-test-other"], 900000)).toEqual(["key-test-3"]);
      expect(await later(["Ally/key-test"], 900001)).toEqual(["key-test-4", "key-test-3"]); // now mentions it
      // The seed loader's and the import's view of the same links.
      const edited = (await run(readQuery("changes/edited-keys"))).records[0]!.get("keys") as string[];
      expect(edited).toEqual(expect.arrayContaining(["Ally/key-test", "Ally/key-test-longer", "Ally/key-test-other", odd]));
      const versions = await run(readQuery("import/versions"), { keys: ["Ally/key-test", "Territory/key-test", "Ally/nothing"] });
      expect(Object.fromEntries(versions.records.map((r) => [r.get("key"), Number(r.get("version"))]))).toEqual({ "Ally/key-test": 1 });
    } finally {
      await run("MATCH (c:Change) WHERE c.id STARTS WITH 'key-test-' DETACH DELETE c");
      await run("MATCH (k:ChangeKey) WHERE NOT EXISTS { (k)--() } DELETE k");
    }
  });

  it("PROFILE: an entity's history and a version check go through the key's index, not every change record", async () => {
    // The statistics that once led the planner to the status index instead (a fresh CI database):
    // many keys, hardly any applied record. The queries' hints must hold against them.
    const run = (query: string) => database.driver.executeQuery(query, {}, { database: database.database });
    await run("UNWIND range(1, 3000) AS i CREATE (:ChangeKey {key: 'Ally/profile-test-' + i})");
    await run("CALL db.prepareForReplanning()");
    try {
      await expectKeyIndexPlans();
    } finally {
      await run("MATCH (k:ChangeKey) WHERE k.key STARTS WITH 'Ally/profile-test-' DELETE k");
    }
  });

  const expectKeyIndexPlans = async (): Promise<void> => {
    const byKey = await profile(readQuery("changes/read-changes-by-key"), { key: "Ally/extracites", status: null, limit: neo4j.int(10) });
    expect(byKey).toMatch(/NodeUniqueIndexSeek\S* UNIQUE \S*:ChangeKey\(key\) WHERE key = \$key/);
    expect(byKey).not.toMatch(/LabelScan|AllNodesScan/);
    for (const name of ["changes/applied-after", "changes/later-changes"]) {
      const plan = await profile(readQuery(name), { keys: ["Ally/extracites"], seq: neo4j.int(0) });
      expect(plan).toMatch(/NodeUniqueIndexSeek\S* UNIQUE \S*:ChangeKey\(key\) WHERE key = key/);
      expect(plan).not.toMatch(/LabelScan|AllNodesScan/);
    }
    const versions = await profile(readQuery("import/versions"), { keys: ["Ally/extracites"] });
    expect(versions).toMatch(/NodeUniqueIndexSeek\S* UNIQUE k:ChangeKey\(key\)/);
    expect(versions).not.toMatch(/LabelScan|AllNodesScan/);
  };
});
