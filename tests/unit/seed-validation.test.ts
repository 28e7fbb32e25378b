import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { checkSeeds, listSeedFiles } from "../../seeds/load-seeds.ts";
import { formatProblem } from "../../seeds/problem.ts";
import { badSeedCases, extraSeedFile } from "../helpers/mutated-seeds.ts";

const gazetteer = new Gazetteer(readGazetteerFile());

describe("seed validation", () => {
  it("finds nothing wrong with seeds/data", () => {
    const { plan, problems } = checkSeeds(listSeedFiles(), gazetteer);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(plan!.nodeCount).toBeGreaterThan(30);
  });

  it.each(badSeedCases)("rejects a file with: $name, at its line", ({ make, marker, message }) => {
    const mutated = make();
    const { plan, problems } = checkSeeds(mutated.files, gazetteer);
    expect(plan).toBeUndefined();
    const file = path.relative(process.cwd(), mutated.file);
    const line = mutated.lineOf(marker);
    const matching = problems.filter((p) => message.test(p.message));
    expect(matching.map(formatProblem), `all problems:\n${problems.map(formatProblem).join("\n")}`).toContainEqual(
      expect.stringMatching(new RegExp(`^${escape(file)}:${line}: `)),
    );
  });

  it("reports every problem of a file, not only the first", () => {
    const extra = extraSeedFile(
      "new-fiche.yaml",
      [
        "source: territoires-pilotes-saison-2-vimy",
        "allies:",
        "  - { slug: a-new-ally, name: Nouvel allié, kind: cooperative, website: not-a-url }",
        "relationships:",
        "  - { type: BASED_IN, from: a-new-ally, to: paris }",
        "  - { type: ACCOMPANIED, from: a-new-ally, to: vimy }",
        "",
      ].join("\n"),
    );
    const { problems } = checkSeeds(extra.files, gazetteer);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/new-fiche.yaml:3: Ally website: expected a web address/),
      expect.stringMatching(/new-fiche.yaml:5: to: unknown slug "paris"/),
      expect.stringMatching(/new-fiche.yaml:6: ACCOMPANIED needs "season"/),
    ]);
  });

  it("npm run seed -- --check FILE prints file:line: problem for each, exits non-zero", () => {
    const bad = badSeedCases.find((c) => c.name === "unknown property (a typo)")!.make();
    const run = spawnSync(process.execPath, ["--import", "tsx", "seeds/seed-cli.ts", "--check", bad.file], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`${escape(path.relative(process.cwd(), bad.file))}:${bad.lineOf("populaton")}: unknown property "populaton"`),
    );
    expect(run.stderr).toMatch(/1 problem\(s\); nothing was written\./);
    const good = spawnSync(process.execPath, ["--import", "tsx", "seeds/seed-cli.ts", "--check", listSeedFiles()[0]!], {
      encoding: "utf8",
    });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^OK: /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
