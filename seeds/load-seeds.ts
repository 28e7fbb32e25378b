import fs from "node:fs";
import { inputLimits, readTextInput } from "../core/cli/input-file.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { buildLoadPlan, type LoadPlan } from "./build-load-plan.ts";
import { parseSeedFile, type SeedFile } from "./parse-seed-file.ts";
import { sortProblems, type Problem } from "./problem.ts";
import { writeLoadPlan, type WriteResult } from "./write-load-plan.ts";

const seedsDir = path.dirname(fileURLToPath(import.meta.url));
export const seedDataDir = path.join(seedsDir, "data");
export const sourcesDir = path.join(seedsDir, "sources");

/** The seed files of a folder, in name order. */
export function listSeedFiles(dir = seedDataDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** A seed file is YAML text of at most 8 MB (core/cli/input-file.ts): larger data is split over several files. */
export const seedFileRules = { what: "seed file", extensions: [".yaml", ".yml"], maxBytes: inputLimits.seedFileBytes, text: true };

export function readSeedFiles(files: string[]): SeedFile[] {
  return files.map((file) => parseSeedFile(path.relative(process.cwd(), file) || file, readTextInput(file, seedFileRules)));
}

/** Validates the files together; the plan is undefined when any problem was found. */
export function checkSeeds(files: string[], gazetteer: Gazetteer): { plan: LoadPlan | undefined; problems: Problem[] } {
  const { plan, problems } = buildLoadPlan(readSeedFiles(files), { sourcesDir, gazetteer });
  return { plan, problems: sortProblems(problems) };
}

export class SeedProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the seed files; nothing was written`);
    this.name = "SeedProblems";
  }
}

/**
 * Validates every file, then writes them in one transaction. Throws SeedProblems, having
 * written nothing, when any file is wrong. `prune` removes what earlier loads of the same sources
 * stated and the files no longer do: use it when loading the complete set of files.
 */
export async function loadSeeds(
  driver: Driver,
  database: string,
  files: string[],
  gazetteer: Gazetteer,
  prune: boolean,
): Promise<WriteResult & { plan: LoadPlan; checkMs: number }> {
  const started = performance.now();
  const { plan, problems } = checkSeeds(files, gazetteer);
  if (!plan) throw new SeedProblems(problems);
  const checkMs = Math.round(performance.now() - started);
  const result = await writeLoadPlan(driver, database, plan, prune);
  return { ...result, plan, checkMs };
}
