import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { EmbeddedNeo4jConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Driver } from "neo4j-driver";
import { createDriver } from "./create-driver.ts";
import { ensureLauncherBuilt, splitLines } from "./build-launcher.ts";
import { findJava } from "./find-java.ts";
import { LauncherError, useYourOwnNeo4j } from "./launcher-error.ts";
import { launcherPaths } from "./launcher-paths.ts";
import { checkDataFolder } from "./check-data-folder.ts";

export interface EmbeddedNeo4j {
  uri: string; // bolt://127.0.0.1:<port>
  home: string;
  /** Stops Neo4j cleanly (its data stays in `home`); resolves when the JVM has exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the JVM exits, whoever stopped it. */
  exited: Promise<number | null>;
  /** The JVM's process id. */
  pid: number | undefined;
}

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

/** Builds the launcher if needed, then runs Neo4j 5.26 Community with Bolt on 127.0.0.1 and APOC core. */
export async function startEmbeddedNeo4j(config: EmbeddedNeo4jConfig, log: Logger): Promise<EmbeddedNeo4j> {
  const java = findJava();
  await ensureLauncherBuilt(log);
  checkDataFolder(config.home, config.minFreeMb ?? 100);
  await assertPortFree(config.boltPort);

  log.info({ home: config.home, boltPort: config.boltPort }, "Starting the embedded Neo4j");
  const child = spawn(java.command, javaArguments(config), {
    stdio: ["pipe", "pipe", "pipe"],
    // Own process group: Ctrl-C reaches Node, which closes the API first, then stops Neo4j.
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stderrTail: string[] = [];
  splitLines(child.stderr!, (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 60) stderrTail.shift();
    log.debug({ neo4j: line }, "neo4j stderr");
  });

  const uri = await waitUntilReady(child, exited, stderrTail, config, log);
  log.info({ uri }, "Embedded Neo4j is up");
  return { uri, home: config.home, exited, pid: child.pid, stop: () => stopJvm(child, exited, log) };
}

/** Neo4j started on `config.home` for one piece of work with a driver, and stopped after it, whatever happens. */
export async function withEmbeddedNeo4j<T>(config: EmbeddedNeo4jConfig, log: Logger, work: (driver: Driver) => Promise<T>): Promise<T> {
  const neo = await startEmbeddedNeo4j(config, log);
  const driver = createDriver({ uri: neo.uri, username: "neo4j", password: "" });
  try {
    return await work(driver);
  } finally {
    await driver.close();
    await neo.stop();
  }
}

function javaArguments(config: EmbeddedNeo4jConfig): string[] {
  const classpath = [launcherPaths.jar, path.join(launcherPaths.lib, "*"), path.join(launcherPaths.plugins, "*")].join(path.delimiter);
  return [
    `-Xmx${config.heap}`,
    // Resident memory then grows only with what the heap does not hold (the page cache, compiled
    // code): the bench's leak checks read it, and a heap growing toward -Xmx is no leak.
    ...(config.preTouchHeap ? [`-Xms${config.heap}`, "-XX:+AlwaysPreTouch"] : []),
    // A small heap on a shared 2-core machine: the serial collector is the cheapest. With a large
    // heap (big loads, the benchmark), the parallel one keeps a 500 000-change commit from
    // spending its time in collections.
    heapMegabytes(config.heap) > 1024 ? "-XX:+UseParallelGC" : "-XX:+UseSerialGC",
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-cp",
    classpath,
    "org.fabrique.alliance.EmbeddedNeo4j",
    "--home",
    config.home,
    "--bolt-port",
    String(config.boltPort),
    "--plugins",
    launcherPaths.plugins,
    "--page-cache-mb",
    String(config.pageCacheMb),
  ];
}

function heapMegabytes(heap: string): number {
  const value = Number.parseInt(heap, 10);
  return /g$/i.test(heap) ? value * 1024 : /k$/i.test(heap) ? value / 1024 : value;
}

function waitUntilReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  stderrTail: string[],
  config: EmbeddedNeo4jConfig,
  log: Logger,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new LauncherError(`The embedded Neo4j did not start within ${READY_TIMEOUT_MS / 1000} s. See ${config.home}/logs/debug.log.`));
    }, READY_TIMEOUT_MS);
    splitLines(child.stdout!, (line) => {
      const ready = /^NEO4J_READY (\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      } else {
        log.debug({ neo4j: line }, "neo4j stdout");
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new LauncherError(explainStartFailure(code, stderrTail.join("\n"), config)));
    });
  });
}

/** Turns the JVM's last words into a message that says what to do. */
export function explainStartFailure(code: number | null, stderr: string, config: EmbeddedNeo4jConfig): string {
  if (/FileLockException|Lock file has been locked|locked by another process/i.test(stderr)) {
    return `Another Neo4j is already using ${config.home}. Stop it, or set NEO4J_HOME to another folder. ${useYourOwnNeo4j}`;
  }
  if (/Address already in use|BindException/i.test(stderr)) {
    return portTakenMessage(config.boltPort);
  }
  const lastLines = stderr
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .slice(-12)
    .join("\n");
  return `The embedded Neo4j stopped during start (exit ${code}). Its last lines:\n${lastLines}\nSee ${config.home}/logs/debug.log. ${useYourOwnNeo4j}`;
}

function portTakenMessage(port: number): string {
  return (
    `Port ${port} on 127.0.0.1 is already in use, perhaps by another Neo4j. ` +
    `Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI=bolt://127.0.0.1:${port} to use the Neo4j that is already there.`
  );
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new LauncherError(portTakenMessage(port)) : error);
    });
    probe.listen({ host: "127.0.0.1", port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function stopJvm(child: ChildProcess, exited: Promise<number | null>, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  log.info("Stopping the embedded Neo4j");
  // Closing stdin is the launcher's stop signal; SIGTERM is the fallback. Never SIGKILL first.
  child.stdin?.end();
  if (await exitsWithin(exited, STOP_TIMEOUT_MS)) return;
  log.warn("The embedded Neo4j did not stop after its input closed; sending SIGTERM");
  child.kill("SIGTERM");
  if (await exitsWithin(exited, STOP_TIMEOUT_MS)) return;
  log.error("The embedded Neo4j did not stop; killing it (its next start will run recovery)");
  child.kill("SIGKILL");
  await exited;
}

function exitsWithin(exited: Promise<number | null>, ms: number): Promise<boolean> {
  return Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
}
