import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { checkInputFile, InputFileError, inputLimits } from "../../core/cli/input-file.ts";
import { isKind } from "../../core/model/index.ts";
import { SeedProblems } from "../load-seeds.ts";
import { formatProblem } from "../problem.ts";
import { importKumu } from "./import-kumu.ts";
import { ChangeRefused } from "../changes/change-service.ts";
import { readKumuFile } from "./read-kumu-file.ts";
import { isKumuFile } from "./spreadsheet/is-kumu-file.ts";
import { importSpreadsheet, ImportRefused, type SpreadsheetCommand } from "./spreadsheet/import-spreadsheet-cli.ts";

const usage = `npm run import -- FILE                     any spreadsheet (CSV, XLSX, ODS): its preview, row by row; nothing written
npm run import -- FILE --check             the same, and exit 3 if a row has a problem or a duplicate to decide
npm run import -- FILE --propose           send it to the review queue (« À relire ») as one change; an editor accepts it in the page
npm run import -- FILE --apply             apply it at once, as an editor would (recorded in the history, revertible)
  --kind ally|territory|initiative|person  the kind of its rows (else guessed from the headers)
  --mapping M          a mapping file (JSON) or the name of a mapping saved in the graph (else FILE.mapping.json
                       beside the file, else a saved mapping made for these headers, else guessed from the headers)
  --save-mapping NAME  save the mapping used in the graph under NAME (reused by the page and by --mapping NAME)
  --write-mapping F    write the mapping used to the file F (JSON), to edit it and pass it with --mapping
  --sheet S            the sheet of a workbook (else the first with data); --header-row N: the row of the header
  --decide LINE=SLUG   row LINE is the graph's entity SLUG; LINE=new: a new entity (for the rows "to decide")
  --drop LINE          leave row LINE out (repeatable)
  --skip-bad-rows      propose or apply the other rows when some have problems (else refused)
  --title T --publisher P --year Y    the spreadsheet as a source (publisher required with --propose or --apply)
  --verbose            every row and every note in the preview
Kumu's layout (a workbook with Elements and Connections sheets, or NAME-elements.csv): written directly
as before, --check validates only, --propose sends it for review, --no-connections takes elements alone.
Exit codes: 0 done (or a clean preview), 1 the file or the change is refused, 2 a wrong command line,
3 rows with problems or duplicates to decide (nothing written).`;

async function main(): Promise<number> {
  const { values, positionals: paths } = parseCommandLine({
    name: "npm run import",
    usage,
    options: {
      check: { type: "boolean" },
      propose: { type: "boolean" },
      apply: { type: "boolean" },
      "no-connections": { type: "boolean" },
      kind: { type: "string" },
      mapping: { type: "string" },
      "save-mapping": { type: "string" },
      "write-mapping": { type: "string" },
      sheet: { type: "string" },
      "header-row": { type: "string" },
      decide: { type: "string", multiple: true },
      drop: { type: "string", multiple: true },
      "skip-bad-rows": { type: "boolean" },
      title: { type: "string" },
      publisher: { type: "string" },
      year: { type: "string" },
      verbose: { type: "boolean" },
    },
    positionals: true,
  });
  const [file] = paths;
  if (!file) {
    console.error(`import: name a spreadsheet (CSV, XLSX, ODS) or a Kumu file\n\n${usage}`);
    return 2;
  }
  if (values.kind !== undefined && !isKind(values.kind)) {
    console.error(`import: --kind ${values.kind}: choose ally, territory, initiative or person`);
    return 2;
  }
  if ([values.check, values.propose, values.apply].filter(Boolean).length > 1) {
    console.error("import: choose one of --check, --propose and --apply");
    return 2;
  }
  let bytes: Buffer;
  try {
    checkInputFile(file, { what: "spreadsheet", maxBytes: inputLimits.spreadsheetBytes });
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(`import: ${error.message}; nothing was written.`);
    return 1;
  }
  const shown = path.relative(process.cwd(), file) || file;
  try {
    if (await isKumuFile(bytes, shown)) return await kumu(paths, values);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(`import: ${error.message}; nothing was written.`);
    return 1;
  }
  const command: SpreadsheetCommand = {
    file: shown,
    path: file,
    bytes,
    mode: values.propose ? "propose" : values.apply ? "apply" : "check",
    strict: values.check === true,
    kind: values.kind && isKind(values.kind) ? values.kind : undefined,
    mapping: values.mapping,
    saveMapping: values["save-mapping"],
    writeMapping: values["write-mapping"],
    sheet: values.sheet,
    headerLine: values["header-row"] ? Number(values["header-row"]) : undefined,
    decide: values.decide ?? [],
    drop: values.drop ?? [],
    skipBadRows: values["skip-bad-rows"] === true,
    source: { title: values.title, publisher: values.publisher, year: values.year ? Number(values.year) : undefined },
    verbose: values.verbose === true,
    author: `import:${os.userInfo().username}`,
  };
  try {
    return await importSpreadsheet(command);
  } catch (error) {
    if (error instanceof InputFileError || error instanceof ImportRefused) {
      console.error(`import: ${error.message}; nothing was written.`);
      return error instanceof ImportRefused ? error.exitCode : 1;
    }
    if (error instanceof ChangeRefused) {
      for (const problem of error.problems) console.error(`${problem.field}: ${problem.message}`);
      console.error(`${error.problems.length} problem(s); nothing was written.`);
      return 1;
    }
    console.error(`import: ${(error as Error).message}`);
    return 1;
  }
}

/** Kumu's own layout, as before (issue 5): its elements and connections through the seed loader's checks. */
async function kumu(paths: string[], values: { check?: boolean; propose?: boolean; "no-connections"?: boolean }): Promise<number> {
  const check = values.check === true;
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
