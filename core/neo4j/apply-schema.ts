import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../logger.ts";
import { listCypherFiles, splitStatements } from "./cypher-files.ts";

/** Applies cypher/schema/*.cypher (every statement is IF NOT EXISTS, so this is idempotent) and waits for the indexes. */
export async function applySchema(driver: Driver, database: string, log: Logger): Promise<number> {
  let count = 0;
  for (const file of listCypherFiles("schema")) {
    for (const statement of splitStatements(fs.readFileSync(file, "utf8"))) {
      try {
        await driver.executeQuery(statement, {}, { database });
      } catch (error) {
        throw new Error(`cypher/schema/${path.basename(file)}: ${(error as Error).message}\n${statement}`, { cause: error });
      }
      count += 1;
    }
  }
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
  log.info({ statements: count }, "Schema applied");
  return count;
}
