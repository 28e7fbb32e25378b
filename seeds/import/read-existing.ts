import type { Driver, Record as Neo4jRecord } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { toLatLon } from "../../core/node-values.ts";
import { entityKey } from "../merge-entities.ts";
import type { Label } from "../../core/model/index.ts";
import type { ExistingEntity } from "../existing-entity.ts";

/** The entities already in the database, keyed "Label/slug", for an import to refer to. */
export async function readExistingEntities(driver: Driver, database: string): Promise<Map<string, ExistingEntity>> {
  const { records } = await driver.executeQuery(readQuery("queries/existing-entities"), {}, { database, routing: "READ" });
  return existingEntities(records);
}

/** Rows of label, slug, location, precision, approximate and file, as the validation needs them (imports, changes). */
export function existingEntities(records: Neo4jRecord[]): Map<string, ExistingEntity> {
  const existing = new Map<string, ExistingEntity>();
  for (const record of records) {
    const label = record.get("label") as Label;
    const slug = record.get("slug") as string;
    const { latitude, longitude } = toLatLon(record.get("location"));
    existing.set(entityKey(label, slug), {
      label,
      slug,
      ...(latitude !== null && longitude !== null
        ? {
            location: {
              latitude,
              longitude,
              precision: String(record.get("precision") ?? "seed"),
              approximate: Boolean(record.get("approximate")),
            },
          }
        : {}),
      ...(record.get("file") ? { file: record.get("file") as string } : {}),
      ...(record.get("text") ? { text: record.get("text") as string } : {}),
    });
  }
  return existing;
}
