import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { formatScores, scoreImports } from "./score-imports.ts";

// npm run import:score: the spreadsheet import on the labelled files of tests/imports/, file by file;
// --errors lists every row it got wrong.
const scores = await scoreImports(new Gazetteer(readGazetteerFile()));
console.log(formatScores(scores));
if (process.argv.includes("--errors")) for (const score of scores) for (const error of score.errors) console.log(`  ${error}`);
