import { spawnSync } from "node:child_process";
import path from "node:path";
import { LauncherError, useYourOwnNeo4j } from "./launcher-error.ts";

export interface JavaInstall {
  command: string; // path of the java executable to run
  major: number; // major version, e.g. 17
}

/** The java to run Neo4j 5.26 with: $JAVA_HOME/bin/java if set, else java on the PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaInstall {
  const command = env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", "java") : "java";
  const probe = spawnSync(command, ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new LauncherError(
      `Java was not found (${command}). The embedded Neo4j needs Java 17 or 21: ` +
        `on Debian or Ubuntu, apt-get install openjdk-17-jdk-headless maven. ${useYourOwnNeo4j}`,
    );
  }
  const major = parseJavaMajor(probe.stderr + probe.stdout);
  if (major < 17) {
    throw new LauncherError(
      `Java ${major} is too old for Neo4j 5.26, which needs Java 17 or 21. Set JAVA_HOME to a Java 17. ${useYourOwnNeo4j}`,
    );
  }
  return { command, major };
}

/** Reads the major version from `java -version` output ("17.0.15", "21", "1.8.0_392"). */
export function parseJavaMajor(versionOutput: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return 0;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2] ?? 0) : first;
}
