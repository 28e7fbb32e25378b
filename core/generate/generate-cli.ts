import fs from "node:fs";
import path from "node:path";
import { parseCommandLine } from "../cli/parse-command-line.ts";
import { generatedFiles } from "./generated-files.ts";

const { values } = parseCommandLine({
  name: "npm run generate",
  usage: [
    "npm run generate            write the files generated from core/model (GraphQL node types, Cypher schema)",
    "npm run generate -- --check say which of them are out of date, write nothing (exit 1 if any)",
  ].join("\n"),
  options: { check: { type: "boolean" } },
});

const stale: string[] = [];
for (const { file, text } of generatedFiles()) {
  const wanted = await text();
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (current === wanted) continue;
  stale.push(path.relative(process.cwd(), file));
  if (!values.check) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, wanted);
  }
}
if (values.check && stale.length > 0) {
  console.error(`Out of date with core/model: ${stale.join(", ")}. Run npm run generate.`);
  process.exitCode = 1;
} else {
  console.log(stale.length ? `Written: ${stale.join(", ")}` : "Generated files are up to date.");
}
