import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAlliance, type GeneratedAlliance } from "../../bench/generate-alliance.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { loadSeeds } from "../../seeds/load-seeds.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer, testLog } from "../helpers/test-database.ts";

// The structure queries on a generated alliance of 50 000 entities (bench/generate-alliance.ts: real
// communes, the fiche's relationship mix, a skewed degree spread), loaded by the real loader.
const size = 50_000;
let database: Database;
let app: TestApp;
let alliance: GeneratedAlliance;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-50k-"));
  alliance = generateAlliance(readGazetteerFile(), { nodes: size, relationshipsPerNode: 3 }, dir);
  await database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
  await applySchema(database.driver, database.database, testLog);
  await loadSeeds(database.driver, database.database, alliance.files, testGazetteer(), true);
  app = await startTestApp(database);
});
afterAll(async () => {
  await app?.close();
  await resetToSeeds(database);
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (cypher: string, params: Record<string, unknown> = {}): Promise<number> => {
  const { records } = await database.driver.executeQuery(cypher, params, { database: database.database });
  return Number(records[0]!.get(0));
};

describe(`the network's structure on a generated alliance of ${size.toLocaleString("en")} entities`, () => {
  it("measures every entity of the network, with betweenness estimated and said so, communities covering each entity once, brokers highest first", async () => {
    const { data, errors } = await app.graphql(`{
      networkMetrics { entities communities betweennessSampled computedMs }
      communities { id name size members { kind slug } }
      brokers(limit: 20) { entity { kind slug name } betweenness spans { communities regions cohorts } }
    }`);
    expect(errors).toBeUndefined();
    // The network: every entity but themes and sources (counted in the database, not by the metrics).
    const entities = await count("MATCH (n) WHERE n:Territory OR n:Ally OR n:Initiative OR n:Person OR n:Cohort RETURN count(n)");
    expect(entities).toBeGreaterThan(size * 0.95);
    expect(data.networkMetrics.entities).toBe(entities);
    expect(data.networkMetrics.betweennessSampled).toBe(true); // past 2 000 entities
    expect(data.communities.length).toBe(data.networkMetrics.communities);
    const members = data.communities.flatMap((c: any) => c.members.map((m: any) => `${m.kind}:${m.slug}`));
    expect(members.length).toBe(entities);
    expect(new Set(members).size).toBe(entities);
    expect(data.communities[0].size).toBeGreaterThan(1);
    expect(data.communities[0].name.length).toBeGreaterThan(0);
    expect(data.brokers).toHaveLength(20);
    const scores = data.brokers.map((b: any) => b.betweenness);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    for (const broker of data.brokers)
      expect(Math.max(broker.spans.communities, broker.spans.regions, broker.spans.cohorts)).toBeGreaterThan(1);

    // The first broker's degree: its distinct tie neighbours, counted in Cypher.
    const top = data.brokers[0].entity;
    const { data: rows } = await app.graphql(`query ($ids: [ID!]!) { entityMetrics(ids: $ids) { id degree community } }`, {
      ids: [`${top.kind}:${top.slug}`],
    });
    const label = { ally: "Ally", territory: "Territory", initiative: "Initiative", person: "Person", cohort: "Cohort" }[
      top.kind as string
    ]!;
    const degree = await count(
      `MATCH (n:${label} {slug: $slug})-[r]-(other)
       WHERE NOT type(r) IN ['SOURCED_FROM', 'PART_OF', 'ABOUT', 'MEMBER_OF', 'IN_COHORT', 'CREDITED_IN'] AND NOT other:Source AND other <> n
       RETURN count(DISTINCT other)`,
      { slug: top.slug },
    );
    expect(rows.entityMetrics[0].degree).toBe(degree);
  });

  it("alliesNear Lille within 50 km on a theme: exactly the allies near Lille who contributed to an initiative about it", async () => {
    const all = await app.graphql(`{ alliesNear(place: "Lille", radiusKm: 50, limit: 1000) { ally { slug } distanceKm } }`);
    expect(all.errors).toBeUndefined();
    const near = all.data.alliesNear.map((hit: any) => hit.ally.slug as string);
    expect(near.length).toBeGreaterThan(0);
    // The theme most of them worked on, and who among them did (Cypher, apart from the resolver).
    const { records } = await database.driver.executeQuery(
      `MATCH (a:Ally)-[:CONTRIBUTED_TO]->(:Initiative)-[:ABOUT]->(t:Theme) WHERE a.slug IN $near
       RETURN t.slug AS theme, collect(DISTINCT a.slug) AS allies ORDER BY size(allies) DESC, theme LIMIT 1`,
      { near },
      { database: database.database },
    );
    expect(records).toHaveLength(1);
    const theme = records[0]!.get("theme") as string;
    const expected = (records[0]!.get("allies") as string[]).sort();
    const filtered = await app.graphql(
      `query ($theme: String) { alliesNear(place: "Lille", radiusKm: 50, limit: 1000, theme: $theme) { ally { slug } distanceKm } }`,
      {
        theme,
      },
    );
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data.alliesNear.map((hit: any) => hit.ally.slug).sort()).toEqual(expected);
    for (const hit of filtered.data.alliesNear) expect(hit.distanceKm).toBeLessThanOrEqual(50);
  });

  it("is recomputed after a load: a new ally tied to the top broker is measured, under a new graph version", async () => {
    const before = (await app.graphql("{ networkMetrics { version entities } brokers(limit: 1) { entity { slug kind } } }")).data;
    const hub = before.brokers[0].entity;
    expect(hub.kind).toBe("ally"); // the skewed spread makes an active ally the first broker
    const extra = path.join(dir, "999-extra.yaml");
    fs.writeFileSync(
      extra,
      stringify({
        source: "bench-fiches",
        allies: [{ slug: "alliee-supplementaire", name: "Alliée supplémentaire", kind: "association" }],
        relationships: [{ type: "PARTNERED_WITH", from: "alliee-supplementaire", to: hub.slug, nature: "liens professionnels" }],
      }),
    );
    await loadSeeds(database.driver, database.database, [...alliance.files, extra], testGazetteer(), true);
    const { data, errors } = await app.graphql(`{
      networkMetrics { version entities }
      entityMetrics(ids: ["ally:alliee-supplementaire"]) { id degree community }
    }`);
    expect(errors).toBeUndefined();
    expect(data.networkMetrics.version).not.toBe(before.networkMetrics.version);
    expect(data.networkMetrics.entities).toBe(before.networkMetrics.entities + 1);
    expect(data.entityMetrics).toEqual([{ id: "ally:alliee-supplementaire", degree: 1, community: expect.any(Number) }]);
  });
});
