import { ApolloServer } from "@apollo/server";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { responseCachePlugin } from "../../server/http/response-cache.ts";
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

  it("asks Neo4j's version once for a crowd of reads arriving together, each answered after a query sent since it arrived", async () => {
    const { counting, asked: versionQueries } = countingVersionQueries(database.driver);
    const server = new ApolloServer({
      typeDefs: "type Query { answer: Int }",
      resolvers: { Query: { answer: () => 42 } },
      plugins: [responseCachePlugin(counting, database.database)],
    });
    await server.start();
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => server.executeOperation({ query: "{ answer }" })));
      expect(answers).toHaveLength(50);
      // As a client reads them: a miss's data is the text it was encoded to once (json-text.ts).
      for (const answer of answers)
        expect(JSON.parse(JSON.stringify(answer.body))).toEqual({ kind: "single", singleResult: { data: { answer: 42 } } });
      expect(versionQueries.count).toBeGreaterThanOrEqual(1);
      expect(versionQueries.count).toBeLessThanOrEqual(3); // one under way, then one shared by the 49 that came meanwhile
      // One after another, each read still asks afresh: what a load committed before it is seen.
      versionQueries.count = 0;
      for (let i = 0; i < 3; i++) await server.executeOperation({ query: "{ answer }" });
      expect(versionQueries.count).toBe(3);
    } finally {
      await server.stop();
    }
  });

  it("under constant edits, reads go to the database without the version query and are fresh; once edits stop, the cache serves again", async () => {
    const { counting, asked: versionQueries } = countingVersionQueries(database.driver);
    let resolved = 0;
    const server = new ApolloServer({
      typeDefs: "type Query { answer: Int }",
      resolvers: { Query: { answer: () => ++resolved } },
      plugins: [responseCachePlugin(counting, database.database)],
    });
    await server.start();
    const bump = () =>
      database.driver.executeQuery(
        "MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1",
        {},
        {
          database: database.database,
        },
      );
    const read = async () => {
      const answer = await server.executeOperation({ query: "{ answer }" });
      return {
        cache: answer.http.headers.get("x-response-cache"),
        value: JSON.parse(JSON.stringify(answer.body)).singleResult.data.answer,
      };
    };
    try {
      expect(await read()).toEqual({ cache: "miss", value: 1 });
      expect(await read()).toEqual({ cache: "hit", value: 1 });
      // Five edits in a row, a read after each: each read sees its edit (a miss, a new answer).
      for (let i = 0; i < 5; i++) {
        await bump();
        const after = await read();
        expect(after.cache).toBe("miss");
        expect(after.value).toBe(resolved);
      }
      // The version moved five times within a second: reads now skip the cache, each resolved afresh,
      // while the edits go on (one every 50 ms), with a version query at most every 100 ms in the background.
      versionQueries.count = 0;
      const before = resolved;
      const bypassed = [];
      let editing = true;
      const edits = (async () => {
        while (editing) {
          await bump();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      try {
        for (let i = 0; i < 20; i++) {
          bypassed.push(await read());
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        editing = false;
        await edits;
      }
      expect(bypassed).toHaveLength(20);
      for (const [i, answer] of bypassed.entries()) expect(answer).toEqual({ cache: "bypass", value: before + i + 1 });
      expect(versionQueries.count).toBeGreaterThan(0); // the probes
      expect(versionQueries.count).toBeLessThan(20);
      // No edit for over a second, then one: the cache answers again, from the new version.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await bump();
      const first = await read();
      expect(first).toEqual({ cache: "miss", value: resolved });
      expect(await read()).toEqual({ cache: "hit", value: first.value });
    } finally {
      await server.stop();
    }
  });
});

/** The real driver, counting the version queries the response cache sends through it. */
function countingVersionQueries(driver: Driver): { counting: Driver; asked: { count: number } } {
  const versionQuery = readQuery("queries/graph-version");
  const asked = { count: 0 };
  const counting = new Proxy(driver, {
    get(target, property, receiver) {
      if (property !== "session") return Reflect.get(target, property, receiver);
      return (config: Parameters<Driver["session"]>[0]) => {
        const session = target.session(config);
        const run = session.run.bind(session);
        session.run = ((query: string, ...rest: unknown[]) => {
          if (query === versionQuery) asked.count++;
          return (run as (...args: unknown[]) => unknown)(query, ...rest);
        }) as typeof session.run;
        return session;
      };
    },
  });
  return { counting, asked };
}
