import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { SeedProblems } from "../load-seeds.ts";
import { formatProblem } from "../problem.ts";
import { importKumu } from "./import-kumu.ts";

const usage = `npm run import -- FILE.xlsx            import a Kumu workbook (sheets Elements and Connections)
npm run import -- NAME-elements.csv    import Kumu CSV files (NAME-connections.csv is found too)
npm run import -- FILE --check         validate only, write nothing`;

async function main(): Promise<number> {
  const { values, positionals: paths } = parseCommandLine({
    name: "npm run import",
    usage,
    options: { check: { type: "boolean" } },
    positionals: true,
  });
  const check = values.check === true;
  if (paths.length === 0) {
    console.error(`import: name a Kumu file (.xlsx, or NAME-elements.csv)\n\n${usage}`);
    return 2;
  }
  const config = readConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const database = await connectForTool(config, log);
  try {
    await applySchema(database.driver, database.database, log);
    const started = Date.now();
    const { plan, written } = await importKumu(database.driver, database.database, paths, new Gazetteer(readGazetteerFile()), {
      write: !check,
    });
    if (!written)
      console.log(`OK: ${plan.nodeCount} entities and ${plan.relationshipCount} relationships are valid; nothing written (--check).`);
    else
      console.log(
        `Imported ${written.nodes} entities, ${written.relationships} relationships and ${written.provenance} provenance links in ${Date.now() - started} ms.`,
      );
    return 0;
  } catch (error) {
    if (error instanceof SeedProblems) {
      for (const problem of error.problems) console.error(formatProblem(problem));
      console.error(`${error.problems.length} problem(s); nothing was written.`);
      return 1;
    }
    console.error(`import: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
