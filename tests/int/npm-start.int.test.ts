import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../core/dev/free-port.ts";

// What `npm start` runs (package.json), as a user's terminal would: its own ports and home folder.
const home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-start-"));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(home, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, NEO4J_URI: "", LOG_FORMAT: "json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  server = child;
  for (let i = 0; i < 240 && !/"msg":"Ready: /.test(output); i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { child, output: () => output };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

describe("npm start", () => {
  it("starts the embedded Neo4j, loads the seeds once, stops cleanly on SIGTERM and restarts with the data intact", async () => {
    const env = { PORT: String(await freePort()), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HOME: home, LOG_LEVEL: "info" };
    const first = await start(env);
    expect(first.output()).toMatch(/The graph was empty: seeds\/data loaded/);
    // A fresh install has no account: the log says how to create the first admin, and where the signing key is.
    expect(first.output()).toMatch(/No admin account yet: create one with `npm run user -- add <username> --role admin`/);
    expect(first.output()).toMatch(/Generated the key that signs login tokens/);
    expect(fs.statSync(path.join(home, "auth-secret.key")).mode & 0o777).toBe(0o600);
    expect(first.output()).not.toContain(fs.readFileSync(path.join(home, "auth-secret.key"), "utf8").trim());
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", neo4j: "up" });
    expect(await stop(first.child, "SIGTERM")).toBe(0);
    expect(first.output()).toMatch(/Stopping the embedded Neo4j[\s\S]*"msg":"Stopped"/);
    expect(fs.readFileSync(path.join(home, "logs/debug.log"), "utf8")).toMatch(/Stopped 'DatabaseId\{\w+\[neo4j\]\}' successfully/);

    const second = await start(env);
    expect(second.output()).not.toMatch(/seeds\/data loaded/);
    expect(second.output()).not.toMatch(/Generated the key/); // kept beside the data: logins survive restarts
    const response = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ territories(where: { slug: { eq: "vimy" } }) { population } }' }),
    });
    expect(await response.json()).toEqual({ data: { territories: [{ population: 4261 }] } });
    expect(await stop(second.child, "SIGINT")).toBe(0);
  });

  it("says what to do when the Bolt port is taken", async () => {
    const blocker = (await import("node:net")).createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        env: {
          ...process.env,
          NEO4J_URI: "",
          PORT: String(await freePort()),
          NEO4J_BOLT_PORT: String(port),
          NEO4J_HOME: home,
          LOG_FORMAT: "json",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout!.on("data", (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use.*NEO4J_BOLT_PORT.*NEO4J_URI`));
    } finally {
      blocker.close();
    }
  });
});
