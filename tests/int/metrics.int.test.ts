import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { ChangeService } from "../../seeds/changes/change-service.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  app = await startTestApp(database);
});
afterAll(async () => {
  await app.close();
  await resetToSeeds(database);
  await database.close();
});

/**
 * The oracle, independent of graphology: the ties read with plain Cypher (every relationship but
 * provenance, cohort and theme memberships and territories' PART_OF, between entities that are
 * not sources), then distances by breadth-first search written here.
 */
async function tiesByCypher(): Promise<Map<string, Set<string>>> {
  const { records } = await database.driver.executeQuery(
    `MATCH (a)-[r]->(b)
     WHERE NOT type(r) IN ['SOURCED_FROM', 'PART_OF', 'ABOUT', 'MEMBER_OF', 'IN_COHORT', 'CREDITED_IN']
       AND NOT a:Source AND NOT b:Source AND NOT a:GraphVersion AND NOT a:Account AND NOT a:Change AND a <> b
     RETURN toLower(labels(a)[0]) + ':' + a.slug AS a, toLower(labels(b)[0]) + ':' + b.slug AS b`,
    {},
    { database: database.database },
  );
  const neighbours = new Map<string, Set<string>>();
  for (const record of records) {
    const [a, b] = [record.get("a") as string, record.get("b") as string];
    (neighbours.get(a) ?? neighbours.set(a, new Set()).get(a)!).add(b);
    (neighbours.get(b) ?? neighbours.set(b, new Set()).get(b)!).add(a);
  }
  return neighbours;
}

const query = `{
  networkMetrics { version entities communities modularity betweennessSampled computedMs }
  communities { id name size members { kind slug name } themes }
  brokers(limit: 200) { entity { kind slug name } betweenness spans { communities regions cohorts } }
  allies { slug metrics { degree betweenness community } }
  territories { slug metrics { degree betweenness community } }
  initiatives { slug metrics { degree betweenness community } }
  people { slug metrics { degree betweenness community } }
  cohorts { slug metrics { degree betweenness community } }
}`;

describe("the network's structure, on the seed data", () => {
  it("degree of each entity is its number of distinct tie neighbours, and betweenness sums to the pairs' distances", async () => {
    const { data, errors } = await app.graphql(query);
    expect(errors).toBeUndefined();
    const neighbours = await tiesByCypher();
    const entities = [
      ...data.allies.map((e: any) => ["ally", e]),
      ...data.territories.map((e: any) => ["territory", e]),
      ...data.initiatives.map((e: any) => ["initiative", e]),
      ...data.people.map((e: any) => ["person", e]),
      ...data.cohorts.map((e: any) => ["cohort", e]),
    ] as [string, { slug: string; metrics: { degree: number; betweenness: number; community: number } | null }][];
    expect(entities.length).toBeGreaterThan(10);
    for (const [kind, entity] of entities) {
      expect(entity.metrics, `${kind}:${entity.slug}`).not.toBeNull();
      expect(entity.metrics!.degree, `${kind}:${entity.slug}`).toBe(neighbours.get(`${kind}:${entity.slug}`)?.size ?? 0);
    }
    // Σ betweenness (as pairs) = Σ over connected pairs of (distance − 1): every shortest path's inner nodes share it.
    const ids = entities.map(([kind, e]) => `${kind}:${e.slug}`);
    let inner = 0;
    for (const source of ids) {
      const distance = new Map([[source, 0]]);
      const queue = [source];
      for (let head = 0; head < queue.length; head++)
        for (const next of neighbours.get(queue[head]!) ?? [])
          if (!distance.has(next) && ids.includes(next)) {
            distance.set(next, distance.get(queue[head]!)! + 1);
            queue.push(next);
          }
      for (const [target, d] of distance) if (target > source) inner += d - 1;
    }
    const n = ids.length;
    const total = entities.reduce((sum, [, e]) => sum + e.metrics!.betweenness, 0) * (((n - 1) * (n - 2)) / 2);
    expect(inner).toBeGreaterThan(0);
    expect(total).toBeCloseTo(inner, 6);
    expect(data.networkMetrics).toMatchObject({ entities: n, betweennessSampled: false });
  });

  it("lists communities that cover every entity once, named, and brokers highest first, each spanning more than one group", async () => {
    const { data } = await app.graphql(query);
    expect(data.communities.length).toBeGreaterThan(0);
    expect(data.communities.length).toBe(data.networkMetrics.communities);
    const members = data.communities.flatMap((c: any) => c.members.map((m: any) => `${m.kind}:${m.slug}`));
    expect(members.length).toBe(data.networkMetrics.entities);
    expect(new Set(members).size).toBe(members.length);
    for (const community of data.communities) {
      expect(community.size).toBe(community.members.length);
      expect(community.name).toContain(community.members[0].name);
    }
    expect(data.brokers.length).toBeGreaterThan(0);
    const scores = data.brokers.map((b: any) => b.betweenness);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    for (const broker of data.brokers)
      expect(Math.max(broker.spans.communities, broker.spans.regions, broker.spans.cohorts)).toBeGreaterThan(1);
  });

  it("is recomputed after a change: a new partnership adds one to both allies' degree, under a new graph version", async () => {
    const before = (await app.graphql(query)).data;
    const degree = (data: any, slug: string) => data.allies.find((a: any) => a.slug === slug).metrics.degree;
    // Two allies of the seed data with no tie between them yet.
    const neighbours = await tiesByCypher();
    const allies = before.allies.map((ally: any) => ally.slug as string).sort();
    const pairs = allies.flatMap((x: string) => allies.filter((y: string) => x < y).map((y: string) => [x, y]));
    const [a, b] = pairs.find(([x, y]: string[]) => !neighbours.get(`ally:${x}`)?.has(`ally:${y}`))!;
    expect(a).toBeDefined();
    await new ChangeService(database.driver, database.database, testGazetteer(), sourcesDir).apply(
      {
        operations: [
          {
            op: "CREATE_RELATIONSHIP",
            relationship: {
              type: "PARTNERED_WITH",
              from: { kind: "ally", slug: a },
              to: { kind: "ally", slug: b },
              properties: { nature: "liens professionnels" },
            },
          },
        ],
        source: { statement: { by: "Test", on: "2026-12-01" }, quote: "Extracités et Bien fait pour ta com travaillent ensemble." },
      },
      { username: "test-editor", role: "editor" },
      "edit",
    );
    const after = (await app.graphql(query)).data;
    expect(after.networkMetrics.version).not.toBe(before.networkMetrics.version);
    expect(degree(after, a)).toBe(degree(before, a) + 1);
    expect(degree(after, b)).toBe(degree(before, b) + 1);
  });

  it("entityMetrics gives the listed entities' metrics, régions and themes, leaving out what is not in the network", async () => {
    const { data } = await app.graphql(query);
    const vimy = data.territories.find((t: any) => t.slug === "vimy").metrics;
    const { data: rows, errors } = await app.graphql(
      `{ entityMetrics(ids: ["territory:vimy", "ally:extracites", "initiative:restauration-scolaire-vimy", "theme:alimentation", "ally:no-such-ally"]) { id degree betweenness community regions themes } }`,
    );
    expect(errors).toBeUndefined();
    expect(rows.entityMetrics.map((r: any) => r.id)).toEqual([
      "territory:vimy",
      "ally:extracites",
      "initiative:restauration-scolaire-vimy",
    ]);
    const [vimyRow, extracites, initiative] = rows.entityMetrics;
    expect({ degree: vimyRow.degree, betweenness: vimyRow.betweenness, community: vimyRow.community }).toEqual(vimy);
    // The fiche: Vimy is in the Pas-de-Calais, Hauts-de-France; the school catering project is about alimentation,
    // and Extracités, about no theme itself, proposed it.
    expect(vimyRow.regions).toEqual(["Hauts-de-France"]);
    expect(initiative.themes).toEqual(["Alimentation"]);
    expect(extracites.themes).toContain("Alimentation");
    expect(extracites.regions).toContain("Hauts-de-France");
    const tooMany = await app.graphql(`query ($ids: [ID!]!) { entityMetrics(ids: $ids) { id } }`, {
      ids: Array.from({ length: 4001 }, (_, i) => `ally:a${i}`),
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "ids" });
  });

  it("views lists the curated views of seeds/views.yaml", async () => {
    const { data, errors } = await app.graphql("{ views { slug name nameEn query } }");
    expect(errors).toBeUndefined();
    expect(data.views).toEqual([
      { slug: "saison-2", name: "Saison 2", nameEn: "Season 2", query: "season=2&until=2&color=community" },
      { slug: "hauts-de-france", name: "Hauts-de-France", nameEn: null, query: "region=32&color=community&size=degree" },
      { slug: "alimentation", name: "Alimentation", nameEn: "Food", query: "theme=alimentation&size=betweenness" },
    ]);
  });

  it("refuses a brokers limit out of range, naming it", async () => {
    const { errors } = await app.graphql("{ brokers(limit: 0) { betweenness } }");
    expect(errors?.[0]).toMatchObject({
      message: "limit must be between 1 and 200, not 0",
      extensions: { code: "BAD_USER_INPUT", argument: "limit" },
    });
  });
});
