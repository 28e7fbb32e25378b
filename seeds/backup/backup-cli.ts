import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { writeBackup } from "./backup.ts";

const usage = `npm run backup -- --out FILE     write an online, consistent snapshot of the whole graph to FILE

Everything: entities, relationships and their property types, sources, change records, accounts
(their password hashes: keep the file private; it is written with mode 600). One read transaction,
so the running site keeps serving. Ends with a checksum that npm run restore verifies.
From NEO4J_URI if set; else the embedded Neo4j of npm start (running or not).`;

const { values } = parseCommandLine({ name: "npm run backup", usage, options: { out: { type: "string" } } });
if (!values.out) {
  console.error(`backup: name the file to write with --out FILE\n\n${usage}`);
  process.exit(2);
}
const config = readConfig();
const database = await connectForTool(config, createLogger(process.env.LOG_LEVEL ?? "warn"));
try {
  const started = Date.now();
  const result = await writeBackup(database.driver, database.database, path.resolve(values.out));
  console.log(
    `Backed up ${result.nodes} nodes and ${result.relationships} relationships from ${database.uri} to ${values.out} ` +
      `(${(result.bytes / 1024).toFixed(0)} kB, ${Date.now() - started} ms); graph checksum ${result.graphChecksum}.`,
  );
} catch (error) {
  console.error(`backup: ${(error as Error).message}; no backup was written.`);
  process.exitCode = 1;
} finally {
  await database.close();
}
