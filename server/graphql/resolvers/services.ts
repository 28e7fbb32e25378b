import type { Driver } from "neo4j-driver";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import type { LayoutService } from "../../layout/layout-service.ts";

/** What the custom resolvers need, given once when the schema is built. */
export interface Services {
  driver: Driver;
  database: string;
  gazetteer: Gazetteer;
  layouts?: LayoutService; // positions for overview slices; without it, the page lays them out
}

export async function readQuery<T extends Record<string, unknown>>(
  services: Services,
  query: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const { records } = await services.driver.executeQuery(query, params, { database: services.database, routing: "READ" });
  return records.map((record) => record.toObject() as T);
}
