/**
 * npm start: config → explorer built if missing → database (embedded Neo4j unless NEO4J_URI) → schema and seeds → API → shutdown hooks.
 */
import { ConfigError, readConfig, type Config } from "../core/config.ts";
import { createApp } from "./http/create-app.ts";
import { ensureClientBuilt } from "./http/ensure-client-built.ts";
import { createLogger } from "../core/logger.ts";
import { prepareGraph } from "./prepare-graph.ts";
import { openDatabase } from "../core/neo4j/open-database.ts";
import { LauncherError } from "../core/neo4j/launcher-error.ts";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";

let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message); // a setting to fix, not a crash: no stack
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const started = Date.now();
  await ensureClientBuilt(log);
  const database = await openDatabase(config.neo4j, log, { supervise: true });
  const gazetteer = new Gazetteer(readGazetteerFile());
  await prepareGraph(database, gazetteer, config.seedOnStart, log);
  const { httpServer, apollo } = await createApp(config, database, gazetteer, log);
  httpServer.on("error", async (error: NodeJS.ErrnoException) => {
    log.error(error.code === "EADDRINUSE" ? `Port ${config.port} is already in use: set PORT to a free port.` : error.message);
    await database.close();
    process.exit(1);
  });
  httpServer.listen(config.port, config.host, () => {
    log.info({ ms: Date.now() - started }, `Ready: http://localhost:${config.port}/ (GraphQL at /graphql, health at /health)`);
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    await apollo.stop(); // drains the HTTP server: in-flight requests finish, new ones are refused
    await database.close(); // driver, then the embedded Neo4j (clean shutdown, data kept)
    log.info("Stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  if (error instanceof LauncherError) log.error(error.message);
  else log.error({ err: error }, `Could not start: ${(error as Error).message}`);
  process.exit(1);
}
