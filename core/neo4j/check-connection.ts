import { parseCommandLine } from "../cli/parse-command-line.ts";
import { readConfig } from "../config.ts";
import { createDriver } from "./create-driver.ts";
import { checkApoc } from "./check-apoc.ts";

parseCommandLine({
  name: "npm run db:check",
  usage: `npm run db:check    open a Bolt session on the Neo4j that npm start uses (NEO4J_URI, or the embedded one on
                    127.0.0.1:NEO4J_BOLT_PORT) and print its version, APOC's and what the graph holds`,
  options: {},
});
const config = readConfig();
const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.neo4j.embedded.boltPort}`;
const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.uri ? config.neo4j.password : "" });
try {
  const session = driver.session({ database: config.neo4j.database });
  try {
    const info = await driver.getServerInfo({ database: config.neo4j.database });
    const apoc = await checkApoc(driver, config.neo4j.database);
    const counts = await session.run("MATCH (n) WITH labels(n)[0] AS label, count(*) AS n RETURN label, n ORDER BY label");
    console.log(`Connected to ${uri}: ${info.agent}, APOC ${apoc}`);
    for (const record of counts.records) console.log(`  ${record.get("label")}: ${record.get("n")}`);
  } finally {
    await session.close();
  }
} catch (error) {
  console.error(`Could not open a Bolt session on ${uri}: ${(error as Error).message}`);
  console.error("Is `npm start` running? With your own Neo4j, set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.");
  process.exitCode = 1;
} finally {
  await driver.close();
}
