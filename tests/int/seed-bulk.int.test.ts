import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../core/dev/free-port.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { withEmbeddedNeo4j } from "../../core/neo4j/start-embedded-neo4j.ts";
import { checksumOfDatabase, loadStamps } from "../../seeds/backup/backup.ts";
import { mutateSeeds } from "../helpers/mutated-seeds.ts";
import { openTestDatabase, resetToSeeds, testConfig, testLog } from "../helpers/test-database.ts";

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-bulk-test-"));
const home = path.join(work, "home");
let database: Database;

/** `npm run seed -- --bulk …` against an embedded home of its own (NEO4J_URI unset), as a user runs it. */
async function seedBulk(targetHome: string, extra: string[] = [], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_HOME: targetHome,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: "512m",
    LOG_LEVEL: "warn",
    ...env,
  };
  if (!env.NEO4J_URI) delete childEnv.NEO4J_URI;
  return run(process.execPath, ["--import", "tsx", "seeds/seed-cli.ts", "--bulk", ...extra], { env: childEnv, timeout: 240_000 }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
  );
}

/** The canonical checksum of what a home's database holds, which load stamped it aside, read on a Neo4j started for it. */
async function checksumOfHome(targetHome: string): Promise<{ checksum: string; population: number; quotes: string[] }> {
  return withEmbeddedNeo4j({ home: targetHome, boltPort: await freePort(), heap: "512m", pageCacheMb: 64 }, testLog, async (driver) => {
    const { records } = await driver.executeQuery(
      "MATCH (v:Territory {slug: 'vimy'})-[p:SOURCED_FROM]->(:Source {slug: 'territoires-pilotes-saison-2-vimy'}) RETURN v.population AS population, p.quotes AS quotes",
      {},
      { database: "neo4j" },
    );
    return {
      checksum: await checksumOfDatabase(driver, "neo4j", loadStamps),
      population: records[0]?.get("population"),
      quotes: records[0]?.get("quotes") ?? [],
    };
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("npm run seed -- --bulk: a first load through neo4j-admin import", () => {
  it(
    "gives the graph npm run seed gives: the same canonical checksum, the Vimy fiche's facts and quotes",
    { timeout: 300_000 },
    async () => {
      const bulk = await seedBulk(home);
      expect(bulk.stderr).toBe("");
      expect(bulk.code).toBe(0);
      expect(bulk.stdout).toMatch(
        /^Loaded \d+ entities, \d+ relationships and \d+ provenance links into .* through neo4j-admin import in \d+ ms/,
      );
      const bulkGraph = await checksumOfHome(home);
      // The fiche: "4 261 habitants" (seeds/sources), as the batched loader writes it.
      expect(bulkGraph.population).toBe(4261);
      expect(bulkGraph.quotes).toContain("4 261 habitants");

      await resetToSeeds(database); // the batched loader, into the tests' own empty database
      expect(bulkGraph.checksum).toBe(await checksumOfDatabase(database.driver, database.database, loadStamps));
    },
  );

  it("refuses a database that holds something, and leaves it as it was", { timeout: 300_000 }, async () => {
    const before = await checksumOfHome(home);
    const again = await seedBulk(home);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /already holds \d+ nodes: --bulk is for a first load into an empty database\. npm run seed loads into this one/,
    );
    expect(again.stderr).toMatch(/Nothing was written\./);
    expect((await checksumOfHome(home)).checksum).toBe(before.checksum);
  });

  it(
    "validates first, as npm run seed does: a bad file is named with its line, and no database is made",
    { timeout: 120_000 },
    async () => {
      const bad = mutateSeeds("allies.yaml", "\nallies:\n", "\nalies:\n");
      const fresh = path.join(work, "fresh");
      const result = await seedBulk(fresh, [bad.file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`allies.yaml:${bad.lineOf("alies:")}`);
      expect(result.stderr).toMatch(/unknown section "alies"/);
      expect(result.stderr).toMatch(/nothing was written/);
      expect(fs.existsSync(path.join(fresh, "data", "databases", "neo4j"))).toBe(false);
    },
  );

  it(
    "refuses NEO4J_URI, and a Neo4j running on the embedded port (npm start's): it writes a stopped database",
    { timeout: 120_000 },
    async () => {
      const uri = testConfig().neo4j.uri!;
      const remote = await seedBulk(path.join(work, "unused"), [], { NEO4J_URI: uri });
      expect(remote.code).toBe(1);
      expect(remote.stderr).toMatch(/--bulk writes the embedded Neo4j's store files, and NEO4J_URI .* names another server/);
      const running = await seedBulk(path.join(work, "unused"), [], { NEO4J_BOLT_PORT: new URL(uri).port });
      expect(running.code).toBe(1);
      expect(running.stderr).toMatch(/a Neo4j is running on 127\.0\.0\.1:\d+ \(npm start\?\): --bulk writes a stopped database/);
      expect(fs.existsSync(path.join(work, "unused", "data"))).toBe(false);
    },
  );
});
