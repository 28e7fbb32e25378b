import os from "node:os";
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
import { ChangeRefused } from "../changes/change-service.ts";
import { readKumuFile } from "./read-kumu-file.ts";

const usage = `npm run import -- FILE.xlsx            import a Kumu workbook (sheets Elements and Connections)
npm run import -- NAME-elements.csv    import Kumu CSV files (NAME-connections.csv is found too)
npm run import -- FILE --check         validate only, write nothing
npm run import -- FILE --no-connections  import the elements alone (else a missing connections sheet or file is refused)
npm run import -- FILE --propose       validate, then send it to the review queue (« À relire ») as one change
                                       instead of writing it: an editor accepts or rejects it in the page`;

async function main(): Promise<number> {
  const { values, positionals: paths } = parseCommandLine({
    name: "npm run import",
    usage,
    options: { check: { type: "boolean" }, propose: { type: "boolean" }, "no-connections": { type: "boolean" } },
    positionals: true,
  });
  const check = values.check === true;
  if (paths.length === 0) {
    console.error(`import: name a Kumu file (.xlsx, or NAME-elements.csv)\n\n${usage}`);
    return 2;
  }
  // The files first: a missing, oversized or half file is said in one line before any database starts.
  let sheets;
  try {
    sheets = await readKumuFile(paths, { allowNoConnections: values["no-connections"] === true });
  } catch (error) {
    console.error(`import: ${(error as Error).message}`);
    return 1;
  }
  const config = readConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const database = await connectForTool(config, log);
  try {
    await applySchema(database.driver, database.database, log);
    const started = Date.now();
    const propose = values.propose === true && !check ? { author: `import:${os.userInfo().username}` } : undefined;
    const { plan, written, proposed } = await importKumu(database.driver, database.database, sheets, new Gazetteer(readGazetteerFile()), {
      write: !check,
      ...(propose ? { propose } : {}),
    });
    if (propose)
      console.log(
        proposed
          ? `Proposed change ${proposed.id} (${proposed.operations} operations) for review; nothing written until an editor accepts it.`
          : "The graph already holds everything this file states: nothing to propose.",
      );
    else if (!written)
      console.log(`OK: ${plan.nodeCount} entities and ${plan.relationshipCount} relationships are valid; nothing written (--check).`);
    else
      console.log(
        `Imported ${written.nodes} entities, ${written.relationships} relationships and ${written.provenance} provenance links in ${Date.now() - started} ms.`,
      );
    return 0;
  } catch (error) {
    if (error instanceof ChangeRefused) {
      for (const problem of error.problems) console.error(`${problem.field}: ${problem.message}`);
      console.error(`${error.problems.length} problem(s); nothing was proposed.`);
      return 1;
    }
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
