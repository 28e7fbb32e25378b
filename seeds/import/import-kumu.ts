import type { Driver } from "neo4j-driver";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { buildLoadPlan, type LoadPlan } from "../build-load-plan.ts";
import { sourcesDir, SeedProblems } from "../load-seeds.ts";
import { sortProblems } from "../problem.ts";
import { writeLoadPlan, type WriteResult } from "../write-load-plan.ts";
import { kumuToSeedFile } from "./kumu-to-seed.ts";
import { ChangeService } from "../changes/change-service.ts";
import { proposePlan } from "../changes/propose-plan.ts";
import { readExistingEntities } from "./read-existing.ts";
import { readKumuFile, type KumuSheets } from "./read-kumu-file.ts";

/**
 * Imports a Kumu spreadsheet (XLSX, or the Elements and Connections CSV files): validated like
 * a seed file — every problem with its sheet and row — against what the database already holds,
 * then written in one transaction, or not at all. Re-importing the same file changes nothing.
 */
export async function importKumu(
  driver: Driver,
  database: string,
  input: string[] | KumuSheets, // file paths, or the sheets already read (the CLI reads them before connecting)
  gazetteer: Gazetteer,
  options: { write: boolean; propose?: { author: string } },
): Promise<{ plan: LoadPlan; written: WriteResult | undefined; proposed?: { id: string; operations: number } | undefined }> {
  const { elements, connections } = Array.isArray(input) ? await readKumuFile(input, { allowNoConnections: true }) : input;
  const seedFile = kumuToSeedFile(elements, connections);
  const existing = await readExistingEntities(driver, database);
  const { plan, problems } = buildLoadPlan([seedFile], { sourcesDir, gazetteer, existing });
  if (!plan) throw new SeedProblems(sortProblems(problems));
  if (options.propose) {
    const service = new ChangeService(driver, database, gazetteer, sourcesDir);
    return { plan, written: undefined, proposed: await proposePlan(driver, database, plan, service, options.propose.author, "import") };
  }
  const written = options.write ? await writeLoadPlan(driver, database, plan, false) : undefined;
  return { plan, written };
}
