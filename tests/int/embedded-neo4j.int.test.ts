import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../core/config.ts";
import { LauncherError } from "../../core/neo4j/launcher-error.ts";
import { openDatabase, type Database } from "../../core/neo4j/open-database.ts";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../core/neo4j/start-embedded-neo4j.ts";
import { freePort } from "../../core/dev/free-port.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { testLog } from "../helpers/test-database.ts";

// A Neo4j of this file's own: the tests stop and restart it.
let home: string;
let port: number;
let neo4j: EmbeddedNeo4j;
const embeddedConfig = () => ({ home, boltPort: port, heap: "384m", pageCacheMb: 32 });

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-restart-"));
  port = await freePort();
  neo4j = await startEmbeddedNeo4j(embeddedConfig(), testLog);
});
afterAll(async () => {
  await neo4j.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("the embedded Neo4j", () => {
  it("answers on the neo4j:// routing scheme as well as bolt://, with APOC", async () => {
    for (const scheme of ["neo4j", "bolt"]) {
      const database = await openDatabase(readConfig({ NEO4J_URI: `${scheme}://127.0.0.1:${port}` }).neo4j, testLog);
      try {
        const { records } = await database.driver.executeQuery("RETURN apoc.version() AS apoc", {}, { database: "neo4j" });
        expect(records[0]!.get("apoc")).toMatch(/^5\.26\./);
        expect(database.serverAgent).toMatch(/^Neo4j\/5\.26\./);
      } finally {
        await database.close();
      }
    }
  });

  it("refuses a port already in use, and a home another Neo4j holds, saying what to do", async () => {
    const taken = await startEmbeddedNeo4j(
      { ...embeddedConfig(), home: fs.mkdtempSync(path.join(os.tmpdir(), "alliance-other-")) },
      testLog,
    ).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(LauncherError);
    expect((taken as Error).message).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use.*NEO4J_BOLT_PORT.*NEO4J_URI`));
    const locked = await startEmbeddedNeo4j({ ...embeddedConfig(), boltPort: await freePort() }, testLog).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(LauncherError);
    expect((locked as Error).message).toMatch(/Another Neo4j is already using .*NEO4J_HOME/);
  });
});

describe("/health", () => {
  let database: Database;
  let app: TestApp;
  beforeAll(async () => {
    database = await openDatabase(readConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}` }).neo4j, testLog);
    app = await startTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const health = async () => {
    const response = await fetch(`${app.url}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("is 200 while Neo4j answers, 503 while it is stopped, 200 again when it is back, and the data survived", async () => {
    await database.driver.executeQuery("CREATE (:HealthTestMarker {at: $at})", { at: Date.now() }, { database: "neo4j" });
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", neo4j: "up" } });

    await neo4j.stop();
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { status: "degraded", neo4j: "down" } });
    expect(down.body.error).toEqual(expect.any(String));
    // Meanwhile the API says what a client can act on (503, SERVICE_UNAVAILABLE, Retry-After), with
    // no Cypher, driver message or stack.
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ allies { slug } }" }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const failed = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(failed.errors[0]!.message).toBe("The database is unavailable; try again in 5 s.");
    expect(failed.errors[0]!.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", params: { seconds: 5 } });
    expect(JSON.stringify(failed)).not.toMatch(/stacktrace|Neo4jError|ServiceUnavailable|ECONNREFUSED/);

    neo4j = await startEmbeddedNeo4j(embeddedConfig(), testLog);
    let back = await health();
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      back = await health();
    }
    expect(back).toMatchObject({ status: 200, body: { neo4j: "up" } });
    const { records } = await database.driver.executeQuery(
      "MATCH (m:HealthTestMarker) DETACH DELETE m RETURN count(*) AS n",
      {},
      { database: "neo4j" },
    );
    expect(records[0]!.get("n")).toBe(1);
  }, 120_000);
});
