import { execute, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { buildSchema } from "../../server/graphql/build-schema.ts";
import type { TranslationCacheStats } from "../../server/graphql/translation-cache.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

// The generated queries' Cypher, translated once per shape: later requests must get their own
// values' answers (from the seeds), exactly what the uncached schema answers.
let database: Database;
let cached: GraphQLSchema;
let plain: GraphQLSchema;
const stats: TranslationCacheStats = { hits: 0, misses: 0, uncacheable: 0 };

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  const services = { driver: database.driver, database: database.database, gazetteer: testGazetteer() };
  cached = await buildSchema(services, { translationStats: stats });
  plain = await buildSchema(services, { cacheTranslations: false });
  // @neo4j/graphql asks Neo4j its version on the process's first request: done here, not in a measure.
  await run(plain, parse(`{ cohorts { slug } }`), {});
});
afterAll(async () => {
  await database.close();
});

// Apollo keeps one parsed document per query text: the same object on every request.
const run = async (schema: GraphQLSchema, document: DocumentNode, variableValues: Record<string, unknown>) => {
  const result = await execute({ schema, document, variableValues, contextValue: { sessionConfig: { database: database.database } } });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
};

describe("translation cache", () => {
  it("translates a shape once, then answers each request with its own values", async () => {
    const document = parse(`query ($slug: String!) { territories(where: { slug: { eq: $slug } }) { slug name population } }`);
    const before = { ...stats };
    const vimy = await run(cached, document, { slug: "vimy" });
    const loos = await run(cached, document, { slug: "loos-en-gohelle" });
    const again = await run(cached, document, { slug: "vimy" });
    expect(vimy.territories).toEqual([{ slug: "vimy", name: "Vimy", population: 4261 }]);
    expect(loos.territories).toEqual([expect.objectContaining({ slug: "loos-en-gohelle", name: "Loos-en-Gohelle" })]);
    expect(again).toEqual(vimy);
    expect(stats.misses - before.misses).toBe(1);
    expect(stats.hits - before.hits).toBe(2);
    expect(stats.uncacheable).toBe(before.uncacheable);
  });

  it("an Int variable's value is part of the shape (@neo4j/graphql clamps a limit to its maximum), null too", async () => {
    const document = parse(`query ($n: Int) { allies(limit: $n, sort: [{ slug: ASC }]) { slug } }`);
    const before = { ...stats };
    const one = await run(cached, document, { n: 1 });
    const three = await run(cached, document, { n: 3 });
    const all = await run(cached, document, { n: null });
    const oneAgain = await run(cached, document, { n: 1 });
    expect(one.allies.map((a: any) => a.slug)).toEqual(["ademe"]);
    expect(three.allies.map((a: any) => a.slug)).toEqual(["ademe", "bien-fait-pour-ta-com", "extracites"]);
    expect(all.allies.map((a: any) => a.slug)).toEqual(["ademe", "bien-fait-pour-ta-com", "extracites", "la-fabrique-des-transitions"]);
    expect(oneAgain).toEqual(one);
    expect(stats.misses - before.misses).toBe(3);
    expect(stats.hits - before.hits).toBe(1);
  });

  it("answers as the uncached schema does, nested fields, enums and two fields of one request included", async () => {
    const document = parse(`query ($prefix: String!, $direction: SortDirection!, $slug: String!) {
      initiatives(where: { title: { startsWith: $prefix } }, sort: [{ title: $direction }]) { slug title locatedIn { slug } about { slug } }
      people(where: { slug: { eq: $slug } }) { name }
    }`);
    const cases = [
      { prefix: "V", direction: "ASC", slug: "xavier-lacouture" },
      { prefix: "Ch", direction: "DESC", slug: "julian-perdrigeat" },
      { prefix: "V", direction: "DESC", slug: "nobody" },
      { prefix: "", direction: "ASC", slug: "xavier-lacouture" },
    ];
    const answers = [];
    for (const variables of cases) {
      const answer = await run(cached, document, variables);
      expect(answer).toEqual(await run(plain, document, variables));
      answers.push(answer);
    }
    expect(answers[0]!.initiatives.map((i: any) => i.slug)).toContain("vertiges-de-labour");
    expect(answers[0]!.people).toEqual([{ name: "Xavier Lacouture" }]);
    expect(answers[2]!.people).toEqual([]);
    expect(answers[3]!.initiatives.length).toBeGreaterThan(answers[0]!.initiatives.length);
  });

  it("a request that brings its own transaction is left to @neo4j/graphql", async () => {
    const document = parse(`query ($slug: String!) { themes(where: { slug: { eq: $slug } }) { slug } }`);
    const before = { ...stats };
    const session = database.driver.session({ database: database.database });
    try {
      const result = await session.executeRead((tx) =>
        execute({ schema: cached, document, variableValues: { slug: "alimentation" }, contextValue: { executionContext: tx } }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ themes: [{ slug: "alimentation" }] });
    } finally {
      await session.close();
    }
    expect(stats).toEqual(before);
  });
});
