import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
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
    // Two cold starts and two stops of the JVM: 52 s alone on the 2-core machine, past 60 s while the
    // other integration files run beside it. A deadline for a hang, not a speed target.
  }, 150_000);

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

  it("restarts the embedded Neo4j by itself after kill -9: 503 with a code and Retry-After meanwhile, /health back to 200 within 30 s", async () => {
    // The first restart waits 12 s here (1 s by default), so that a request surely meets the database away.
    const env = {
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HOME: home,
      LOG_LEVEL: "info",
      NEO4J_RESTART_DELAY_MS: "12000",
    };
    const app = await start(env);
    const jvm = javaPids(home);
    expect(jvm).toHaveLength(1);
    process.kill(jvm[0]!, "SIGKILL");
    const killedAt = Date.now();
    while (javaPids(home).includes(jvm[0]!)) await new Promise((resolve) => setTimeout(resolve, 50));
    // While it is away, a read is the database's absence, said as such (not "Internal server error").
    const during = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ search(text: "vimy") { name } }' }),
    });
    const text = await during.clone().text();
    expect(during.status, text).toBe(503);
    expect(during.headers.get("retry-after")).toBe("5");
    const body = (await during.json()) as { errors: { extensions: { code: string; requestId: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(body.errors[0]!.extensions.requestId).toBe(during.headers.get("x-request-id"));
    let status = 0;
    while (Date.now() - killedAt < 30_000) {
      status = (await fetch(`http://127.0.0.1:${env.PORT}/health`)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect(app.output()).toMatch(/The embedded Neo4j stopped unexpectedly \(killed by a signal\); restarting it in 12 s/);
    expect(app.output()).toMatch(/"restarts":1,"msg":"The embedded Neo4j is back"/);
    expect(javaPids(home)).toHaveLength(1);
    expect(await stop(app.child, "SIGTERM")).toBe(0);
    expect(javaPids(home)).toEqual([]);
  });

  it("never leaves Java running when npm start dies, even while Neo4j is still starting", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-start-kill-"));
    onTestFinished(() => fs.rmSync(home, { recursive: true, force: true }));
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, NEO4J_URI: "", PORT: String(await freePort()), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HOME: home },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (let i = 0; i < 100 && javaPids(home).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(javaPids(home)).toHaveLength(1);
    await stop(child, "SIGKILL");
    let left = javaPids(home);
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = javaPids(home);
    }
    expect(left).toEqual([]);
  });

  // A real full disk and a real read-only one: tmpfs mounts in a private mount namespace (unshare -m).
  it.each([
    ["a full disk", "size=2m", /The disk of NEO4J_HOME \(.*\) is full or nearly: \d+ MB free, the embedded Neo4j needs at least 100 MB/],
    ["a read-only disk", "ro,size=2m", /NEO4J_HOME \(.*\) is on a read-only file system/],
  ])("on %s, says so and exits non-zero within seconds", (_, options, message) => {
    const mount = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-disk-"));
    const started = Date.now();
    let output = "";
    let code = 0;
    try {
      execFileSync(
        "unshare",
        [
          "-m",
          "sh",
          "-c",
          `mount -t tmpfs -o ${options} tmpfs "$1" && exec "$2" --import tsx server/main.ts`,
          "sh",
          mount,
          process.execPath,
        ],
        {
          env: { ...process.env, NEO4J_URI: "", NEO4J_HOME: path.join(mount, "neo4j", "data"), PORT: "0" },
          encoding: "utf8",
          timeout: 30_000,
        },
      );
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      code = failed.status;
      output = failed.stdout + failed.stderr;
    } finally {
      fs.rmSync(mount, { recursive: true, force: true });
    }
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

/** The JVMs of the embedded Neo4j running on this home folder. */
function javaPids(neo4jHome: string): number[] {
  try {
    return execFileSync("pgrep", ["-f", `EmbeddedNeo4j --home ${neo4jHome}( |$)`], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
