import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
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

const query = `{ dataQuality {
  withoutQuote { kind slug } approximatePlaces { kind slug } initiativesWithoutTerritory { kind slug }
  alliesWithoutTie { kind slug } likelyDuplicates { key entities { kind slug name } }
} }`;
const slugs = (list: { slug: string }[]) => list.map((e) => e.slug).sort();

describe("data quality", () => {
  it("on the seed data: every fact quoted, and the places the gazetteer gives only as a centroid listed as approximate", async () => {
    const { data, errors } = await app.graphql(query);
    expect(errors).toBeUndefined();
    // The seed data quotes a sentence for every fact (seeds/data, checked by the loader).
    expect(data.dataQuality.withoutQuote).toEqual([]);
    // The oracle: the gazetteer's own word on each seeded commune (precise coordinates or a centroid).
    const { records } = await database.driver.executeQuery(
      "MATCH (t:Territory) WHERE t.inseeCode IS NOT NULL AND t.kind = 'commune' RETURN t.slug AS slug, t.inseeCode AS code",
      {},
      { database: database.database },
    );
    expect(records.length).toBeGreaterThan(0);
    const centroids = records.filter((r) => testGazetteer().resolve(r.get("code")).approximate).map((r) => r.get("slug") as string);
    const listed = slugs(data.dataQuality.approximatePlaces);
    for (const slug of centroids) expect(listed).toContain(slug);
  });

  it("lists an ally written without source or tie, an initiative without territory, and a likely duplicate", async () => {
    await database.driver.executeQuery(
      `CREATE (:Ally {slug: 'extracites-bis', name: 'ExtraCités', kind: 'cooperative'}),
              (:Initiative {slug: 'projet-sans-lieu', title: 'Projet sans lieu', kind: 'project'})`,
      {},
      { database: database.database },
    );
    // A write made around the app's tools moves the graph's version on, as the README asks (else the response cache answers).
    await database.driver.executeQuery(readQuery("load/bump-graph-version"), {}, { database: database.database });
    const { data } = await app.graphql(query);
    expect(slugs(data.dataQuality.withoutQuote)).toEqual(["extracites-bis", "projet-sans-lieu"]);
    expect(slugs(data.dataQuality.alliesWithoutTie)).toContain("extracites-bis");
    expect(slugs(data.dataQuality.alliesWithoutTie)).not.toContain("extracites");
    expect(slugs(data.dataQuality.initiativesWithoutTerritory)).toContain("projet-sans-lieu");
    // "ExtraCités" is an alias of Extracités in allies.yaml: the two fold to the same words.
    const group = data.dataQuality.likelyDuplicates.find((g: { key: string }) => g.key === "extracites");
    expect(group.entities.map((e: { slug: string }) => e.slug).sort()).toEqual(["extracites", "extracites-bis"]);
  });
});
