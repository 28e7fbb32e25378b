import type { CuratedView } from "../../../seeds/curated-views.ts";
import type { Driver } from "neo4j-driver";
import { readOnce } from "../../../core/neo4j/read-once.ts";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import type { LayoutService } from "../../layout/layout-service.ts";
import type { Viewer } from "../../auth/authenticate.ts";
import type { Changes } from "../../../seeds/changes/change-service.ts";
import type { MetricsService, MetricsSnapshot } from "../../metrics/metrics-service.ts";

/** What the custom resolvers need, given once when the schema is built. */
export interface Services {
  driver: Driver;
  database: string;
  gazetteer: Gazetteer;
  layouts?: LayoutService; // positions for overview slices; without it, the page lays them out
  changes?: Changes; // the write side (seeds/changes); without it, the change mutations are refused
  queryTimeoutMs?: number; // the database ends any of these reads past this (QUERY_TIMEOUT_MS)
  metrics?: MetricsService; // the network's structure, per graph version; without it, one is made
  views?: CuratedView[]; // the explorer's curated views; without them, seeds/views.yaml is read
}

/** What each GraphQL request carries (create-app.ts builds it from the HTTP request). */
export interface RequestContext {
  sessionConfig: { database: string };
  transaction: { timeout: number }; // @neo4j/graphql's generated queries: the same deadline
  requestId?: string; // written into the errors that are ours (server/http/service-errors.ts)
  metrics?: Promise<MetricsSnapshot>; // the network's metrics, fetched once per request (resolvers/metrics.ts)
  viewer: Viewer | undefined;
  /** Counts a visitor's suggestion against its address's limit: the seconds to wait, or 0. */
  limitSuggestion: () => Promise<number>;
}

export async function readQuery<T extends Record<string, unknown>>(
  services: Services,
  query: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const records = await readOnce(services.driver, services.database, query, params, services.queryTimeoutMs);
  return records.map((record) => record.toObject() as T);
}
