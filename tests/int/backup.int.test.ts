import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { BackupError, checksumOfDatabase, graphChecksum, restoreBackup, verifyBackup, writeBackup } from "../../seeds/backup/backup.ts";
import { readChangeRecords } from "../../seeds/changes/change-record.ts";
import { ChangeService } from "../../seeds/changes/change-service.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";
import { createTestAccounts } from "../helpers/accounts.ts";
import { openTestDatabase, resetToSeeds, testConfig, testGazetteer } from "../helpers/test-database.ts";

const run = promisify(execFile);
let database: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-backup-"));

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  // Everything a real instance holds: an account, an applied change, its record.
  await createTestAccounts(database, { editor: "bea" });
  await new ChangeService(database.driver, database.database, testGazetteer(), sourcesDir).apply(
    {
      operations: [
        { op: "UPDATE_ENTITY", entity: { kind: "ally", slug: "extracites" }, version: 0, properties: { name: "Extracités (coopérative)" } },
      ],
      source: { statement: { by: "Béa", on: "2026-11-30" }, quote: "Extracités est une coopérative." },
    },
    { username: "bea", role: "editor" },
    "edit",
  );
});
afterAll(async () => {
  await resetToSeeds(database);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each property's Cypher type, counted: what a round trip must keep (FLOAT stays FLOAT). */
async function typeCounts(): Promise<Record<string, number>> {
  const { records } = await database.driver.executeQuery(
    `CALL () { MATCH (n) UNWIND keys(n) AS k RETURN valueType(n[k]) AS type
               UNION ALL MATCH ()-[r]->() UNWIND keys(r) AS k RETURN valueType(r[k]) AS type }
     RETURN type, count(*) AS n ORDER BY type`,
    {},
    { database: database.database },
  );
  return Object.fromEntries(records.map((r) => [r.get("type"), r.get("n")]));
}

/**
 * The canonical checksum of everything but the version counter (a restore moves it on under a new
 * epoch, on purpose): computed in a transaction that drops the counter, then rolled back.
 */
async function contentChecksum(): Promise<string> {
  const session = database.driver.session({ database: database.database });
  const tx = session.beginTransaction();
  try {
    await tx.run("MATCH (v:GraphVersion) DELETE v");
    return await graphChecksum(tx);
  } finally {
    await tx.rollback();
    await session.close();
  }
}

async function wipe(): Promise<void> {
  await database.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: database.database });
}

describe("backup and restore", () => {
  it("backup → empty database → restore gives the same entities, relationships, accounts, changes and property types (canonical checksum)", async () => {
    const before = await checksumOfDatabase(database.driver, database.database);
    const content = await contentChecksum();
    const types = await typeCounts();
    // The seed data has whole floats (areas, distances) and datetimes (change records, accounts).
    expect(types["FLOAT NOT NULL"]).toBeGreaterThan(0);
    expect(types["ZONED DATETIME NOT NULL"]).toBeGreaterThan(0);
    expect(types["POINT NOT NULL"]).toBeGreaterThan(0);
    const { records } = await database.driver.executeQuery(
      "MATCH (n) RETURN count(n) AS nodes, count { MATCH (:Account) } AS accounts, count { MATCH (:Change) } AS changes",
      {},
      { database: database.database },
    );
    const counts = records[0]!.toObject();
    expect(counts.accounts).toBe(1);
    expect(counts.changes).toBe(1);

    const file = path.join(dir, "graph.backup");
    const written = await writeBackup(database.driver, database.database, file);
    expect(written.graphChecksum).toBe(before);
    expect(written.nodes).toBe(counts.nodes);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600); // it holds password hashes
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    await wipe();
    expect(await checksumOfDatabase(database.driver, database.database)).not.toBe(before);
    const restored = await restoreBackup(database.driver, database.database, file);
    expect(restored).toMatchObject({ nodes: counts.nodes, relationships: written.relationships });
    // The same graph, by the canonical checksum; the version counter alone moved on (a new epoch).
    expect(await contentChecksum()).toBe(content);
    expect(await typeCounts()).toEqual(types);
  });

  it("refuses a database that is not empty unless --force, and --force replaces it in one transaction", async () => {
    const file = path.join(dir, "graph.backup");
    const content = await contentChecksum();
    await database.driver.executeQuery("CREATE (:Ally {slug: 'intrus', name: 'Intrus'})", {}, { database: database.database });
    const changed = await checksumOfDatabase(database.driver, database.database);
    await expect(restoreBackup(database.driver, database.database, file)).rejects.toThrow(
      /the database holds \d+ nodes: restore goes into an empty database, or pass --force/,
    );
    expect(await checksumOfDatabase(database.driver, database.database)).toBe(changed);
    await restoreBackup(database.driver, database.database, file, { force: true });
    expect(await contentChecksum()).toBe(content); // the intruder is gone, the rest is the backup
  });

  it("refuses a damaged, truncated or foreign file before writing anything", async () => {
    const file = path.join(dir, "graph.backup");
    const text = fs.readFileSync(file, "utf8");
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(10);
    const damaged = path.join(dir, "damaged.backup");
    fs.writeFileSync(damaged, text.replace("Extracités (coopérative)", "Extracités (cooperative)"));
    const truncated = path.join(dir, "truncated.backup");
    fs.writeFileSync(truncated, lines.slice(0, 5).join("\n") + "\n");
    const foreign = path.join(dir, "foreign.backup");
    fs.writeFileSync(foreign, '{"hello": "world"}\n');
    const before = await checksumOfDatabase(database.driver, database.database);
    for (const [bad, message] of [
      [damaged, /its checksum does not match: the file was damaged or changed/],
      [truncated, /truncated \(no end line\)/],
      [foreign, /not an alliance backup/],
      [path.join(dir, "missing.backup"), /no such file/],
    ] as const) {
      await expect(verifyBackup(bad)).rejects.toThrow(BackupError);
      await expect(restoreBackup(database.driver, database.database, bad, { force: true })).rejects.toThrow(message);
    }
    expect(await checksumOfDatabase(database.driver, database.database)).toBe(before);
  });

  it("npm run backup and npm run restore -- --check work against NEO4J_URI", async () => {
    const file = path.join(dir, "cli.backup");
    const env = { ...process.env, NEO4J_URI: testConfig().neo4j.uri! };
    const backup = await run(process.execPath, ["--import", "tsx", "seeds/backup/backup-cli.ts", "--out", file], { env });
    expect(backup.stdout).toMatch(
      /^Backed up \d+ nodes and \d+ relationships from bolt:\/\/127\.0\.0\.1:\d+ to .*cli\.backup .*graph checksum [0-9a-f]{64}\./,
    );
    const check = await run(process.execPath, ["--import", "tsx", "seeds/backup/restore-cli.ts", file, "--check"], { env });
    expect(check.stdout).toMatch(/^OK: .* is a complete backup \(\d+ nodes, \d+ relationships\); checksum verified\./);
    const refused = await run(process.execPath, ["--import", "tsx", "seeds/backup/restore-cli.ts", file], { env }).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/restore: the database holds \d+ nodes: .*--force.*; nothing was written\./);
  });

  it("a backup from before change records were linked to their keys restores with the links an entity's history reads", async () => {
    const history = async () => {
      const session = database.driver.session({ database: database.database });
      try {
        return (await session.executeRead((tx) => readChangeRecords(tx, { key: "Ally/extracites" }))).map((c) => c.author);
      } finally {
        await session.close();
      }
    };
    expect(await history()).toEqual(["bea"]);
    // The database as it was before the links: records with their lists of keys, and nothing else.
    await database.driver.executeQuery("MATCH (k:ChangeKey) DETACH DELETE k", {}, { database: database.database });
    expect(await history()).toEqual([]);
    const file = path.join(dir, "before-links.backup");
    await writeBackup(database.driver, database.database, file);
    await restoreBackup(database.driver, database.database, file, { force: true });
    expect(await history()).toEqual(["bea"]);
  });
});
