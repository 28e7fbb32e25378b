import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger.ts";
import { listCypherFiles, splitStatements } from "./cypher-files.ts";
import { fillQuery } from "./cypher-template.ts";

/**
 * Applies cypher/schema/*.cypher (every statement is IF NOT EXISTS, so this is idempotent) and waits
 * for the indexes. IF NOT EXISTS keeps a fulltext index of the same name even when the model now
 * searches other properties or kinds, so such an index is dropped first and built again. Then links
 * change records that have no links to their keys yet (written before them): history is looked up
 * through those links as through an index, so every program that opens the database builds them first.
 */
export async function applySchema(driver: Driver, database: string, log: Logger): Promise<number> {
  let count = 0;
  for (const file of listCypherFiles("schema")) {
    for (const statement of splitStatements(fs.readFileSync(file, "utf8"))) {
      try {
        await dropStaleFulltextIndex(driver, database, statement, log);
        await driver.executeQuery(statement, {}, { database });
      } catch (error) {
        throw new Error(`cypher/schema/${path.basename(file)}: ${(error as Error).message}\n${statement}`, { cause: error });
      }
      count += 1;
    }
  }
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
  const { records } = await driver.executeQuery(fillQuery("changes/link-change-keys", {}), {}, { database });
  const linked = Number(records[0]?.get("linked") ?? 0);
  if (linked > 0) log.info({ records: linked }, "Change records linked to the keys they touched");
  log.info({ statements: count }, "Schema applied");
  return count;
}

async function dropStaleFulltextIndex(driver: Driver, database: string, statement: string, log: Logger): Promise<void> {
  const wanted = /CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR \(n:([\w|]+)\)\s+ON EACH \[([^\]]+)\]/.exec(statement);
  if (!wanted) return;
  const [, name, labels, properties] = wanted;
  const { records } = await driver.executeQuery(
    "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties",
    { name },
    { database },
  );
  const existing = records[0];
  if (!existing) return;
  const same = (a: string[], b: string[]) => [...a].sort().join("|") === [...b].sort().join("|");
  const wantedProperties = properties!.split(",").map((p) => p.trim().replace(/^n\./, ""));
  if (same(existing.get("labelsOrTypes"), labels!.split("|")) && same(existing.get("properties"), wantedProperties)) return;
  log.info({ index: name }, "The model searches other properties or kinds: rebuilding the fulltext index");
  await driver.executeQuery(`DROP INDEX ${name}`, {}, { database }); // the name comes from cypher/schema, not from input
}
