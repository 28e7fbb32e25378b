import path from "node:path";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { corpusDir, formatScore, scoreCorpus } from "./score-corpus.ts";

// npm run extract:score: the extractor's precision and recall over tests/fiches/, fiche by fiche,
// then over the held-out fiches (held-out/), which no rule was written against.
const gazetteer = new Gazetteer(readGazetteerFile());
console.log(formatScore(scoreCorpus(gazetteer)));
console.log(`\nHeld out (${path.join(path.relative(process.cwd(), corpusDir), "held-out")}): fiches no rule was written against\n`);
console.log(formatScore(scoreCorpus(gazetteer, path.join(corpusDir, "held-out"))));
