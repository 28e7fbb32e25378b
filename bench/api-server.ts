import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../core/dev/free-port.ts";

export interface ApiServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The real API (`npm start`'s server/main.ts) in a process of its own against the benchmark's
 * Neo4j, so that the load generator does not share its event loop.
 */
export async function startApiServer(neo4jUri: string, env: Record<string, string> = {}): Promise<ApiServer> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the API under the benchmark's load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_ON_START: "false",
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
      // The benchmark's clients all come from 127.0.0.1: it measures the API, not the per-address
      // limits (the soak turns them back on to see its 429s).
      RATE_LIMIT_GRAPHQL: "100000000",
      RATE_LIMIT_AUTH: "100000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the API stopped: ${output.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
