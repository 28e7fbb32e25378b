import { spawn } from "node:child_process";
import path from "node:path";
import { findJava } from "../../core/neo4j/find-java.ts";
import { launcherPaths } from "../../core/neo4j/launcher-paths.ts";
import { ARRAY_DELIMITER } from "./import-files.ts";

export interface AdminImportResult {
  ms: number;
  output: string; // its last lines (IMPORT DONE …, counts, peak memory)
}

export class AdminImportError extends Error {}

/**
 * `neo4j-admin database import full` — Neo4j's own tool, from the neo4j-import-tool artifact the
 * embedded launcher already ships (core/neo4j/embedded/target/lib) — into `home`'s `neo4j`
 * database, which must be stopped. It writes the store files directly, without transactions.
 */
export function runAdminImport(
  home: string,
  fileArguments: string[],
  options: { overwrite: boolean; reportFile: string; heap?: string },
): Promise<AdminImportResult> {
  const java = findJava();
  const classpath = [launcherPaths.jar, path.join(launcherPaths.lib, "*")].join(path.delimiter);
  const args = [
    `-Xmx${options.heap ?? "1g"}`,
    "-cp",
    classpath,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    "neo4j", // the database (Community has one); first, as --multiline-fields takes what follows it
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
    "--multiline-fields=true", // a quote or a description may span lines
    "--bad-tolerance=0", // the plan is validated: any bad entry is a fault, not data to skip
    `--report-file=${options.reportFile}`,
    ...(options.overwrite ? ["--overwrite-destination=true"] : []),
    ...fileArguments,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(java.command, args, { env: { ...process.env, NEO4J_HOME: home }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => reject(new AdminImportError(`neo4j-admin import could not run: ${error.message}`)));
    child.on("close", (code) => {
      const tail = output
        .split("\n")
        .filter((line) => line.trim() && !/^[.\s]+\d+%/.test(line) && !/^\s+at /.test(line))
        .slice(-12)
        .join("\n");
      if (code === 0) resolve({ ms: Math.round(performance.now() - started), output: tail });
      else reject(new AdminImportError(`neo4j-admin import failed (exit ${code}); nothing was loaded:\n${tail}`));
    });
  });
}
