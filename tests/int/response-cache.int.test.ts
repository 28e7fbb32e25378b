import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { loadSeeds } from "../../seeds/load-seeds.ts";
import { mutateSeeds } from "../helpers/mutated-seeds.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { createTestAccounts, deleteTestAccounts, graphqlAs, login } from "../helpers/accounts.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  await createTestAccounts(database, { editor: "edith" });
  a = await startTestApp(database); // two API instances over one Neo4j, each with its own cache
  b = await startTestApp(database);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await deleteTestAccounts(database);
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

  it("a hit answers exactly what the miss that stored it answered, a neighbourhood's elements included", async () => {
    const query = '{ neighbourhood(kind: territory, slug: "vimy", depth: 2) { nodes { group data } edges { group data } truncated } }';
    const miss = await ask(a, query);
    expect(miss.cache).toBe("miss");
    expect(miss.body.data.neighbourhood.nodes.length).toBeGreaterThan(0);
    const hit = await ask(a, query);
    expect(hit.cache).toBe("hit");
    expect(hit.body).toEqual(miss.body);
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
    await createTestAccounts(database, { editor: "edith" }); // again: resetToSeeds empties the database
    const { token, cookie } = await login(a.url, "edith");
    for (const credentials of [{ authorization: `Bearer ${token}` }, { cookie }] as Record<string, string>[]) {
      const answer = await fetch(`${a.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...credentials },
        body: JSON.stringify({ query: vimy }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-response-cache")).toBeNull();
    }
  });

  it("never serves a read from before a change applied through the other instance", async () => {
    await ask(a);
    await ask(b);
    expect((await ask(a)).cache).toBe("hit");
    expect((await ask(b)).cache).toBe("hit");
    await createTestAccounts(database, { editor: "edith" });
    const { token } = await login(b.url, "edith");
    const change = {
      operations: [{ op: "UPDATE_ENTITY", entity: { kind: "territory", slug: "vimy" }, version: 0, properties: { population: 4300 } }],
      source: { statement: { by: "Mairie de Vimy", on: "2026-11-30" }, quote: "Vimy compte 4 300 habitants." },
    };
    const applied = await graphqlAs(b.url, token, "mutation ($change: ChangeInput!) { applyChange(change: $change) { status } }", {
      change,
    });
    expect(applied.data.applyChange.status).toBe("applied");
    for (const app of [a, b]) {
      const after = await ask(app);
      expect(after.body.data.territories[0].population).toBe(4300);
      expect(after.cache).toBe("miss");
    }
  });
});
