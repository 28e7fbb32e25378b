import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { ChangeRefused, ChangeService, ChangeStateError, type Changes } from "../../seeds/changes/change-service.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";
import { ChangeThread } from "../../server/changes/change-thread.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await resetToSeeds(database);
  await database.close();
});

// The tools apply changes in their own process; the API, in its change thread (server/changes/change-thread.ts).
const services: [string, () => Changes & { close?: () => Promise<void> }][] = [
  [
    "in the process (the tools' ChangeService)",
    () => new ChangeService(database.driver, database.database, testGazetteer(), sourcesDir, 30_000),
  ],
  ["in the API's change thread", () => new ChangeThread(database.connection, database.database, testGazetteer(), sourcesDir, 30_000)],
];

const statement = (by: string, quote: string) => ({ statement: { by, on: "2026-12-03" }, quote });
const describeAlly = (slug: string, version: number, description: string, by: string) => ({
  operations: [{ op: "UPDATE_ENTITY" as const, entity: { kind: "ally" as const, slug }, version, properties: { description } }],
  source: statement(by, `${slug} : ${description}`),
});
const newAlly = (slug: string, name: string, by: string) => ({
  operations: [{ op: "CREATE_ENTITY" as const, entity: { kind: "ally" as const, slug }, properties: { name, kind: "association" } }],
  source: statement(by, `${name} est une association.`),
});
const editor = (i: number) => ({ username: `editor-${i}`, role: "editor" });
const description = async (slug: string): Promise<string> =>
  (
    await database.driver.executeQuery("MATCH (a:Ally {slug: $slug}) RETURN a.description AS d", { slug }, { database: database.database })
  ).records[0]!.get("d");

describe.each(services)("changes sent at once, %s: every one applied or refused exactly, one version of an entity at a time", (_, make) => {
  let changes: Changes & { close?: () => Promise<void> };
  beforeAll(async () => {
    await resetToSeeds(database);
    changes = make();
  });
  afterAll(() => changes.close?.());

  it("20 editors update one ally at once, 5 times: exactly one wins each version, the 19 others are refused as stale, nothing is lost", async () => {
    const slug = "extracites"; // seeds/data/allies.yaml
    const start = (await changes.history("Ally", slug)).version;
    const winners: string[] = [];
    for (let round = 0; round < 5; round++) {
      const version = (await changes.history("Ally", slug)).version;
      expect(version).toBe(start + round);
      const texts = Array.from({ length: 20 }, (_, i) => `Tour ${round + 1}, rédigé par l'éditeur ${i}`);
      const outcomes = await Promise.allSettled(
        texts.map((text, i) => changes.apply(describeAlly(slug, version, text, `Éditeur ${i}`), editor(i), "edit")),
      );
      const applied = outcomes.filter((o) => o.status === "fulfilled");
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(applied).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const { reason } of refused) {
        expect(reason).toBeInstanceOf(ChangeRefused);
        const problem = (reason as ChangeRefused).problems[0]!;
        expect(problem.field).toBe("operations[0].version");
        expect(problem.reason).toBe("stale");
      }
      const winner = texts[outcomes.indexOf(applied[0]!)]!;
      winners.push(winner);
      expect(await description(slug)).toBe(winner);
    }
    // The history holds the five winners, newest first, each change with its own place in the order.
    const history = await changes.history("Ally", slug);
    expect(history.version).toBe(start + 5);
    const latest = history.changes.slice(0, 5);
    expect(latest.map((c) => c.effects.find((e) => e.key === `Ally/${slug}`)!.after!.description)).toEqual([...winners].reverse());
    const seqs = latest.map((c) => c.seq!);
    expect(new Set(seqs).size).toBe(5);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });

  it("10 editors on 10 different entities at once: every change applies, each with its own graph version", async () => {
    const slugs = Array.from({ length: 10 }, (_, i) => `collectif-parallele-${i}`);
    const created = await Promise.all(
      slugs.map((slug, i) => changes.apply(newAlly(slug, `Collectif parallèle ${i}`, `Éditeur ${i}`), editor(i), "edit")),
    );
    expect(created.map((c) => c.status)).toEqual(Array(10).fill("applied"));
    const updated = await Promise.all(
      slugs.map((slug, i) => changes.apply(describeAlly(slug, 1, `Description ${i}`, `Éditeur ${i}`), editor(i), "edit")),
    );
    expect(updated.map((c) => c.status)).toEqual(Array(10).fill("applied"));
    for (const [i, slug] of slugs.entries()) expect(await description(slug)).toBe(`Description ${i}`);
    const seqs = [...created, ...updated].map((c) => c.seq!);
    expect(seqs.every((seq) => Number.isInteger(seq) && seq > 0)).toBe(true);
    expect(new Set(seqs).size).toBe(20);
  });

  it("two editors create the same new ally at once: one creates it, the other is told it exists", async () => {
    const outcomes = await Promise.allSettled(
      [0, 1].map((i) => changes.apply(newAlly("collectif-jumeau", "Collectif jumeau", `Éditeur ${i}`), editor(i), "edit")),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(ChangeRefused);
    expect((refused.reason as ChangeRefused).message).toMatch(/exist/);
    const { records } = await database.driver.executeQuery(
      "MATCH (a:Ally {slug: 'collectif-jumeau'}) RETURN count(a) AS n",
      {},
      { database: database.database },
    );
    expect(records[0]!.get("n")).toBe(1);
  });
});

describe("the change thread", () => {
  it("gives back the errors of its worker as they were: a refusal at its fields, a missing change, a database error with its code", async () => {
    const thread = new ChangeThread(database.connection, database.database, testGazetteer(), sourcesDir, 30_000);
    try {
      const refused = await thread.apply(newAlly("Pas Un Slug", "Collectif", "Éditeur"), editor(0), "edit").catch((error) => error);
      expect(refused).toBeInstanceOf(ChangeRefused);
      expect((refused as ChangeRefused).problems.map((p) => p.field)).toContain("operations[0].entity.slug");
      const missing = await thread.accept("no-such-change", editor(0), undefined).catch((error) => error);
      expect(missing).toBeInstanceOf(ChangeStateError);
      expect(missing).toMatchObject({ id: "no-such-change", status: "missing" });
    } finally {
      await thread.close();
    }
    const nowhere = new ChangeThread(database.connection, "no-such-database", testGazetteer(), sourcesDir, 30_000);
    try {
      const failed = await nowhere.get("any").catch((error) => error);
      expect(failed).toBeInstanceOf(Error);
      expect((failed as { code?: string }).code).toBe("Neo.ClientError.Database.DatabaseNotFound");
    } finally {
      await nowhere.close();
    }
  });

  it("starts a new worker for the next call once its worker has stopped", async () => {
    const thread = new ChangeThread(database.connection, database.database, testGazetteer(), sourcesDir, 30_000);
    await thread.close();
    expect(await thread.get("no-such-change")).toBeUndefined();
    expect(await thread.pendingCount()).toBeGreaterThanOrEqual(0);
    await thread.close();
  });
});
