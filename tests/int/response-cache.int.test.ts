import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { loadSeeds } from "../../seeds/load-seeds.ts";
import { mutateSeeds } from "../helpers/mutated-seeds.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  a = await startTestApp(database); // two API instances over one Neo4j, each with its own cache
  b = await startTestApp(database);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await resetToSeeds(database);
  await database.close();
});

const vimy = '{ territories(where: { slug: { eq: "vimy" } }) { population } }';
async function ask(app: TestApp, query = vimy) {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { cache: response.headers.get("x-response-cache"), body: (await response.json()) as any };
}

describe("the response cache", () => {
  it("answers a repeated anonymous read from memory", async () => {
    expect((await ask(a)).cache).toBe("miss");
    const again = await ask(a);
    expect(again.cache).toBe("hit");
    expect(again.body).toEqual({ data: { territories: [{ population: 4261 }] } });
  });

  it("never serves a read from before a load, on either instance", async () => {
    await ask(a);
    await ask(b);
    expect((await ask(b)).cache).toBe("hit");
    const changed = mutateSeeds("territoires-pilotes-saison-2-vimy.yaml", "    population: 4261", "    population: 4262");
    await loadSeeds(database.driver, database.database, changed.files, testGazetteer(), true);
    for (const app of [a, b]) {
      const after = await ask(app);
      expect(after.body.data.territories[0].population).toBe(4262);
      expect(after.cache).toBe("miss");
    }
    await resetToSeeds(database);
    expect((await ask(a)).body.data.territories[0].population).toBe(4261);
  });

  it("does not keep errors, and reads with credentials go to the database", async () => {
    const bad = '{ alliesNear(place: "Saint-Denis") { ally { slug } } }';
    await ask(a, bad);
    expect((await ask(a, bad)).cache).toBeNull();
    const withToken = await fetch(`${a.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer x" },
      body: JSON.stringify({ query: vimy }),
    });
    expect(withToken.headers.get("x-response-cache")).toBeNull();
  });
});
