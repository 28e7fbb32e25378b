import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../logger.ts";
import { LauncherError, useYourOwnNeo4j } from "./launcher-error.ts";
import { launcherModuleDir, launcherPaths } from "./launcher-paths.ts";

/**
 * Builds the embedded Neo4j launcher with Maven unless an up-to-date build is there.
 * The first build downloads Neo4j 5.26 Community and APOC core from Maven Central (about 130 MB).
 */
export async function ensureLauncherBuilt(log: Logger): Promise<void> {
  if (isLauncherUpToDate()) return;
  const mvn = findMaven();
  log.info(
    "Building the embedded Neo4j launcher with Maven: Neo4j 5.26 Community and APOC core, about 150 MB from Maven Central on the first run",
  );
  const { downloads, megabytes } = await runMaven(mvn, log);
  if (downloads > 0) log.info(`  … ${downloads} files downloaded (${megabytes.toFixed(0)} MB), cached in ~/.m2 for next time`);
  fs.writeFileSync(launcherPaths.buildStamp, new Date().toISOString() + "\n");
  log.info("Embedded Neo4j launcher built");
}

export function isLauncherUpToDate(): boolean {
  if (!fs.existsSync(launcherPaths.buildStamp) || !fs.existsSync(launcherPaths.jar)) return false;
  const built = fs.statSync(launcherPaths.buildStamp).mtimeMs;
  return newestInputMtime() <= built;
}

function newestInputMtime(): number {
  let newest = fs.statSync(launcherPaths.pom).mtimeMs;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(launcherPaths.sources);
  return newest;
}

export function findMaven(): string {
  const command = process.env.MAVEN_CMD || "mvn";
  const probe = spawnSync(command, ["-v"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new LauncherError(
      `Maven was not found (${command}). It builds the embedded Neo4j launcher once: ` +
        `on Debian or Ubuntu, apt-get install maven. ${useYourOwnNeo4j}`,
    );
  }
  return command;
}

function runMaven(mvn: string, log: Logger): Promise<{ downloads: number; megabytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, ["-B", "clean", "package"], { cwd: launcherModuleDir, stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    let downloads = 0;
    let bytes = 0;
    let lastReport = Date.now();
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const downloaded = /^(?:\[INFO\] )?Downloaded from \S+: \S+ \((\d+(?:\.\d+)?) (B|kB|MB)/.exec(line);
      if (!downloaded) return;
      downloads += 1;
      bytes += Number(downloaded[1]) * ({ B: 1, kB: 1e3, MB: 1e6 } as const)[downloaded[2] as "B" | "kB" | "MB"];
      if (Date.now() - lastReport > 3000) {
        lastReport = Date.now();
        log.info(`  … ${downloads} files downloaded (${(bytes / 1e6).toFixed(0)} MB)`);
      }
    };
    splitLines(child.stdout, onLine);
    splitLines(child.stderr, onLine);
    child.on("error", (error) => reject(new LauncherError(`Maven could not run: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve({ downloads, megabytes: bytes / 1e6 });
      reject(
        new LauncherError(
          `Maven failed to build the embedded Neo4j launcher (exit ${code}). Its last lines:\n${tail.join("\n")}\n` +
            `Check that Maven Central is reachable, then run npm start again. ${useYourOwnNeo4j}`,
        ),
      );
    });
  });
}

export function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      onLine(buffer.slice(0, newline).replace(/\r$/, ""));
      buffer = buffer.slice(newline + 1);
    }
  });
  stream.on("end", () => {
    if (buffer) onLine(buffer);
  });
}
