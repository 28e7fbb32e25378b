import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import os from "node:os";
import { listSeedFiles, readSeedFiles, sourcesDir } from "../load-seeds.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { buildLoadPlan } from "../build-load-plan.ts";
import { parseSeedFile } from "../parse-seed-file.ts";
import { formatProblem, sortProblems } from "../problem.ts";
import { ChangeRefused, ChangeService } from "../changes/change-service.ts";
import { proposePlan } from "../changes/propose-plan.ts";
import { extractFiche } from "./extract-fiche.ts";
import { Knowledge } from "./knowledge.ts";
import { checkInputFile, inputLimits, InputFileError, readTextInput } from "../../core/cli/input-file.ts";
import { readPdfText } from "./read-pdf.ts";

const usage = `npm run extract -- FICHE.txt|FICHE.pdf [--out seeds/data/NAME.yaml]
npm run extract -- FICHE.pdf --propose     send the draft to the review queue (« À relire ») as one change

Turns a fiche (its text, or the PDF: its text layer is read) into a draft seed file (stdout, or --out) for a person to review, and puts
a copy of the text in seeds/sources/ so that the seed loader can check its quotes. With --propose,
the draft is checked with the rest of seeds/data, then what it adds to the graph is proposed for
review in the page (NEO4J_URI, else the embedded Neo4j); nothing is written until an editor accepts it.`;

const { values, positionals } = parseCommandLine({
  name: "npm run extract",
  usage,
  options: { out: { type: "string" }, propose: { type: "boolean" } },
  positionals: true,
});
const [fiche] = positionals;
const out = values.out;
if (!fiche) {
  console.error("extract: name a fiche's text file, e.g. npm run extract -- ../shared/sources/territoires-pilotes-saison-2-vimy.txt");
  process.exit(2);
}
const base = path.basename(fiche).replace(/\.[^.]+$/, "");
let text: string;
const isPdf = fiche.toLowerCase().endsWith(".pdf");
try {
  // A fiche's size, and text or a PDF: an empty, binary, scanned, scripted or huge file is refused before it is read or copied.
  if (isPdf) {
    checkInputFile(fiche, { what: "PDF fiche", extensions: [".pdf"], maxBytes: inputLimits.pdfBytes });
    text = (await readPdfText(fs.readFileSync(fiche), path.relative(process.cwd(), fiche) || fiche)).text;
  } else text = readTextInput(fiche, { what: "fiche", extensions: [".txt", ".md"], maxBytes: inputLimits.ficheBytes, text: true });
} catch (error) {
  if (!(error instanceof InputFileError)) throw error;
  console.error(`extract: ${error.message}; nothing was written.`);
  process.exit(1);
}
const extraction = extractFiche(text, path.basename(fiche), Knowledge.fromSeeds(`${base}.yaml`), new Gazetteer(readGazetteerFile()));
const facts = [...extraction.draft.entities.values()].filter((entity) => entity.label !== "Source" && entity.quotes.length > 0);
if (facts.length === 0 && extraction.draft.relationships.length === 0) {
  console.error(`extract: ${fiche}: no fact found (no territory, ally or initiative): is it a fiche of the series? Nothing was written.`);
  process.exit(1);
}
const copy = path.join(sourcesDir, `${base}.txt`);
if (!fs.existsSync(copy)) {
  // The text the quotes are checked against: the fiche's own, or what its PDF's text layer says.
  if (isPdf) fs.writeFileSync(copy, text);
  else fs.copyFileSync(fiche, copy);
  console.error(
    `${isPdf ? "Wrote the PDF's text" : "Copied the fiche"} to ${path.relative(process.cwd(), copy)}: the seed loader checks quotes against it.`,
  );
}
if (out) {
  fs.writeFileSync(out, extraction.yaml);
  const counts = new Map<string, number>();
  for (const entity of extraction.draft.entities.values()) counts.set(entity.label, (counts.get(entity.label) ?? 0) + 1);
  console.error(
    `Draft written to ${out}: ${[...counts].map(([label, n]) => `${n} ${label}`).join(", ")}, ${extraction.draft.relationships.length} relationships; ${extraction.unplaced.length} sentence(s) not placed (listed at its end).`,
  );
  console.error(`Next: review it, then npm run seed -- --check ${out}, then npm run seed.`);
} else if (!values.propose) {
  process.stdout.write(extraction.yaml);
}
if (values.propose) process.exitCode = await proposeDraft(out ?? `${base}.yaml`, extraction.yaml);

/** Checks the draft as `seed --check` would (standing in for the seed file of its name), then proposes what it states. */
async function proposeDraft(name: string, yaml: string): Promise<number> {
  const draft = parseSeedFile(path.basename(name), yaml);
  const others = readSeedFiles(listSeedFiles().filter((file) => path.basename(file) !== path.basename(name)));
  const gazetteer = new Gazetteer(readGazetteerFile());
  const { plan, problems } = buildLoadPlan([...others, draft], { sourcesDir, gazetteer });
  if (!plan) {
    for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
    console.error(
      `${problems.length} problem(s) in the draft; nothing was proposed. Write it with --out, fix it, then propose it with npm run import.`,
    );
    return 1;
  }
  const config = readConfig();
  const database = await connectForTool(config, createLogger(process.env.LOG_LEVEL ?? "warn"));
  try {
    await applySchema(database.driver, database.database, createLogger("warn"));
    const service = new ChangeService(database.driver, database.database, gazetteer, sourcesDir);
    const proposed = await proposePlan(
      database.driver,
      database.database,
      plan,
      service,
      `extract:${os.userInfo().username}`,
      "extract",
      draft.file,
    );
    console.error(
      proposed
        ? `Proposed change ${proposed.id} (${proposed.operations} operations) for review in the page (« À relire »); nothing written until an editor accepts it.`
        : "The graph already holds everything this draft states: nothing to propose.",
    );
    return 0;
  } catch (error) {
    if (error instanceof ChangeRefused) {
      for (const problem of error.problems) console.error(`${problem.field}: ${problem.message}`);
      return 1;
    }
    console.error(`extract: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}
