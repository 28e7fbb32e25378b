import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../core/dev/free-port.ts";
import { median, round } from "./stats.ts";

export interface StartResult {
  firstStartSeconds: number; // empty home: Neo4j up, schema applied, seeds loaded
  restartSeconds: number; // the same home again: data already there
  runs: { first: number[]; restart: number[] };
}

/** `npm start` until /health answers 200, the launcher already built (as after the first run). */
async function timeStart(home: string): Promise<number> {
  const port = await freePort();
  const bolt = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    env: { ...process.env, NEO4J_URI: "", NEO4J_HOME: home, NEO4J_BOLT_PORT: String(bolt), PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error("npm start stopped");
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
      } catch {
        // not yet
      }
      if (performance.now() - started > 120_000) throw new Error("npm start did not get ready in 120 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (performance.now() - started) / 1000;
  } finally {
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
  }
}

export async function measureStart(progress: (line: string) => void, repetitions = 2): Promise<StartResult> {
  const first: number[] = [];
  const restart: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-bench-start-"));
    try {
      first.push(await timeStart(home));
      restart.push(await timeStart(home));
      progress(`  npm start: ${round(first.at(-1)!)} s on an empty home, ${round(restart.at(-1)!)} s again`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }
  return { firstStartSeconds: round(median(first)), restartSeconds: round(median(restart)), runs: { first, restart } };
}
