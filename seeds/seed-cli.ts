import path from "node:path";
import { parseCommandLine } from "../core/cli/parse-command-line.ts";
import { readConfig, type Config } from "../core/config.ts";
import { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../core/gazetteer/gazetteer-file.ts";
import { createLogger, type Logger } from "../core/logger.ts";
import { createDriver } from "../core/neo4j/create-driver.ts";
import { bulkLoad, BulkRefused } from "./bulk/bulk-load.ts";
import { applySchema } from "../core/neo4j/apply-schema.ts";
import { connectForTool } from "../core/neo4j/connect-for-tool.ts";
import { checkSeeds, listSeedFiles, loadSeeds, SeedProblems, seedFileRules } from "./load-seeds.ts";
import { checkInputFile, InputFileError } from "../core/cli/input-file.ts";
import { formatProblem, type Problem } from "./problem.ts";

const usage = `npm run seed                       validate seeds/data/*.yaml, then load them in one transaction
npm run seed -- FILE…              load FILE(s) with the rest of seeds/data (a FILE stands in for the seed file of its name)
npm run seed -- --check [FILE…]    validate, write nothing
npm run seed -- --bulk [FILE…]     a first load into an empty embedded database through neo4j-admin import:
                                   the same validation and graph, less Neo4j memory (stop npm start first)

Loads into NEO4J_URI if set; else into the embedded Neo4j of \`npm start\` if it is running,
else starts the embedded Neo4j just for the load.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    name: "npm run seed",
    usage,
    options: { check: { type: "boolean" }, bulk: { type: "boolean" } },
    positionals: true,
  });
  const checkOnly = values.check === true;
  const named = positionals.map((file) => path.resolve(file));
  for (const file of named) checkInputFile(file, seedFileRules); // a missing or oversized file, said before anything starts
  const gazetteer = new Gazetteer(readGazetteerFile());
  // A named file stands in for the seed file of the same name, so a new version is checked against the rest.
  const files = [...listSeedFiles().filter((file) => !named.some((n) => path.basename(n) === path.basename(file))), ...named];

  if (checkOnly) {
    const { plan, problems } = checkSeeds(files, gazetteer);
    if (!plan) return report(problems);
    const what = named.length ? named.map((f) => path.relative(process.cwd(), f)).join(", ") : "seeds/data";
    console.log(
      `OK: ${what} valid (${plan.nodeCount} entities, ${plan.relationshipCount} relationships with the rest of seeds/data); nothing written.`,
    );
    return 0;
  }

  const config = readConfig();
  const log = createLogger(config.logLevel);
  if (values.bulk === true) return bulk(config, files, gazetteer, log);
  const database = await connectForTool(config, log);
  try {
    await applySchema(database.driver, database.database, log);
    const started = Date.now();
    const result = await loadSeeds(database.driver, database.database, files, gazetteer, named.length === 0);
    console.log(
      `Loaded ${result.nodes} entities, ${result.relationships} relationships and ${result.provenance} provenance links` +
        `${result.pruned ? `; removed ${result.pruned} relationships the files no longer state` : ""} into ${database.uri} in ${Date.now() - started} ms.` +
        (result.keptEdits
          ? `\nKept ${result.keptEdits} entities and relationships as changes made in the page left them (the graph is the master copy: \`npm run export -- --format seeds\` writes it back to seed files).`
          : ""),
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedProblems) return report(error.problems);
    console.error(`seed: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

/**
 * neo4j-admin import writes the store files of a stopped database: only the embedded Neo4j's,
 * while nothing runs on it, and only when it holds nothing yet (seeds/bulk/bulk-load.ts).
 */
async function bulk(config: Config, files: string[], gazetteer: Gazetteer, log: Logger): Promise<number> {
  if (config.neo4j.uri) {
    console.error(
      `seed: --bulk writes the embedded Neo4j's store files, and NEO4J_URI (${config.neo4j.uri}) names another server: ` +
        `use npm run seed there (or neo4j-admin database import on that server). Nothing was written.`,
    );
    return 1;
  }
  const { home, boltPort } = config.neo4j.embedded;
  if (await neo4jAnswers(`bolt://127.0.0.1:${boltPort}`)) {
    console.error(
      `seed: a Neo4j is running on 127.0.0.1:${boltPort} (npm start?): --bulk writes a stopped database. ` +
        `Stop it first, or use npm run seed, which loads into the running one. Nothing was written.`,
    );
    return 1;
  }
  try {
    const result = await bulkLoad(config.neo4j.embedded, files, gazetteer, log);
    const t = result.timings;
    console.log(
      `Loaded ${result.nodes} entities, ${result.relationships} relationships and ${result.provenance} provenance links into ${home} ` +
        `through neo4j-admin import in ${t.totalMs} ms (validation ${t.checkMs}, files ${t.filesMs}, import ${t.importMs}, ` +
        `start ${t.startMs}, constraints and indexes ${t.schemaMs}, lists and version ${t.listsMs}, stop ${t.stopMs}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedProblems) return report(error.problems);
    console.error(`seed: ${(error as Error).message}${error instanceof BulkRefused ? " Nothing was written." : ""}`);
    return 1;
  }
}

async function neo4jAnswers(uri: string): Promise<boolean> {
  const probe = createDriver({ uri, username: "neo4j", password: "" });
  try {
    await probe.getServerInfo();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

function report(problems: Problem[]): number {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${problems.length} problem(s); nothing was written.`);
  return 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof InputFileError)) throw error;
  console.error(`seed: ${error.message}; nothing was written.`);
  process.exitCode = 1;
}
