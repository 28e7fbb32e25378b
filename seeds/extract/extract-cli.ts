import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { sourcesDir } from "../load-seeds.ts";
import { extractFiche } from "./extract-fiche.ts";
import { Knowledge } from "./knowledge.ts";

const usage = `npm run extract -- FICHE.txt [--out seeds/data/NAME.yaml]

Turns a fiche's text into a draft seed file (stdout, or --out) for a person to review, and puts
a copy of the text in seeds/sources/ so that the seed loader can check its quotes.`;

const { values, positionals } = parseCommandLine({
  name: "npm run extract",
  usage,
  options: { out: { type: "string" } },
  positionals: true,
});
const [fiche] = positionals;
const out = values.out;
if (!fiche) {
  console.error("extract: name a fiche's text file, e.g. npm run extract -- ../shared/sources/territoires-pilotes-saison-2-vimy.txt");
  process.exit(2);
}
const base = path.basename(fiche).replace(/\.[^.]+$/, "");
const extraction = extractFiche(
  fs.readFileSync(fiche, "utf8"),
  path.basename(fiche),
  Knowledge.fromSeeds(`${base}.yaml`),
  new Gazetteer(readGazetteerFile()),
);
const copy = path.join(sourcesDir, `${base}.txt`);
if (!fs.existsSync(copy)) {
  fs.copyFileSync(fiche, copy);
  console.error(`Copied the fiche to ${path.relative(process.cwd(), copy)}: the seed loader checks quotes against it.`);
}
if (out) {
  fs.writeFileSync(out, extraction.yaml);
  const counts = new Map<string, number>();
  for (const entity of extraction.draft.entities.values()) counts.set(entity.label, (counts.get(entity.label) ?? 0) + 1);
  console.error(
    `Draft written to ${out}: ${[...counts].map(([label, n]) => `${n} ${label}`).join(", ")}, ${extraction.draft.relationships.length} relationships; ${extraction.unplaced.length} sentence(s) not placed (listed at its end).`,
  );
  console.error(`Next: review it, then npm run seed -- --check ${out}, then npm run seed.`);
} else {
  process.stdout.write(extraction.yaml);
}
