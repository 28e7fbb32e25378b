import type { Driver } from "neo4j-driver";

/** @neo4j/graphql 7 refuses to work without these APOC core functions; say so before it does. */
const requiredFunctions = ["apoc.util.validatePredicate", "apoc.date.convertFormat"];

export async function checkApoc(driver: Driver, database: string): Promise<string> {
  const { records } = await driver.executeQuery(
    "SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN collect(name) AS found",
    { names: requiredFunctions },
    { database },
  );
  const found = new Set<string>(records[0]?.get("found") ?? []);
  const missing = requiredFunctions.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `APOC core is missing from this Neo4j (no ${missing.join(", ")}); @neo4j/graphql 7 needs it. ` +
        "Install the APOC core plugin matching your Neo4j version (https://neo4j.com/docs/apoc/current/installation/).",
    );
  }
  const version = await driver.executeQuery("RETURN apoc.version() AS version", {}, { database });
  return String(version.records[0]?.get("version"));
}
