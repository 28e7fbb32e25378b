import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { restoreBackup, verifyBackup } from "./backup.ts";

const usage = `npm run restore -- FILE            restore a backup of npm run backup into an empty database
npm run restore -- FILE --force    replace what the database holds (in the same transaction: a failed restore keeps it)
npm run restore -- FILE --check    verify the file's checksum only

The file's checksum is verified before anything is written, and the restored graph's checksum
must equal the backup's before the transaction commits. Into NEO4J_URI if set; else the embedded Neo4j.`;

const { values, positionals } = parseCommandLine({
  name: "npm run restore",
  usage,
  options: { force: { type: "boolean" }, check: { type: "boolean" } },
  positionals: true,
});
const [file] = positionals;
if (!file) {
  console.error(`restore: name the backup file\n\n${usage}`);
  process.exit(2);
}
try {
  const { end } = await verifyBackup(path.resolve(file));
  if (values.check) {
    console.log(`OK: ${file} is a complete backup (${end.nodes} nodes, ${end.relationships} relationships); checksum verified.`);
    process.exit(0);
  }
} catch (error) {
  console.error(`restore: ${(error as Error).message}; nothing was written.`);
  process.exit(1);
}
const config = readConfig();
const log = createLogger(process.env.LOG_LEVEL ?? "warn");
const database = await connectForTool(config, log);
try {
  await applySchema(database.driver, database.database, log);
  const started = Date.now();
  const result = await restoreBackup(database.driver, database.database, path.resolve(file), { force: values.force === true });
  console.log(
    `Restored ${result.nodes} nodes and ${result.relationships} relationships into ${database.uri} in ${Date.now() - started} ms; ` +
      `checksum verified (${result.graphChecksum}).`,
  );
} catch (error) {
  console.error(`restore: ${(error as Error).message}; nothing was written.`);
  process.exitCode = 1;
} finally {
  await database.close();
}
