import type { BenchNeo4j } from "./bench-neo4j.ts";
import { startApiServer } from "./api-server.ts";
import { loadApi, loadRaw, type ApiCase } from "./measure-api.ts";
import { median, round } from "./stats.ts";

export interface CacheRow {
  query: string;
  cachedP50: number;
  rawP50: number;
  ratioP50: number; // cached API ÷ raw driver: below 1, the cache beats the database
  cachedThroughput: number;
  rawThroughput: number;
}

export interface CacheResult {
  clients: number;
  rows: CacheRow[];
  staleReadsAfterWrite: number; // across two API instances: must be 0
}

/**
 * Hot reads with the response cache on, against the raw driver running the query itself; then a
 * write between reads on two API instances, which must both answer with the new data.
 */
export async function measureCache(
  neo: BenchNeo4j,
  cases: ApiCase[],
  seconds: number,
  repetitions: number,
  progress: (line: string) => void,
): Promise<CacheResult> {
  const clients = 10;
  const one = await startApiServer(neo.uri);
  const two = await startApiServer(neo.uri);
  try {
    const rows: CacheRow[] = [];
    for (const apiCase of cases) {
      await loadApi(one.url, apiCase, 2, 1); // the first answer fills the cache
      const cached = [];
      const raw = [];
      for (let i = 0; i < repetitions; i++) {
        raw.push(await loadRaw(neo.driver, apiCase, clients, seconds));
        cached.push(await loadApi(one.url, apiCase, clients, seconds));
      }
      const row: CacheRow = {
        query: apiCase.name,
        cachedP50: round(median(cached.map((r) => r.p50)), 2),
        rawP50: round(median(raw.map((r) => r.p50)), 2),
        ratioP50: 0,
        cachedThroughput: Math.round(median(cached.map((r) => r.throughput))),
        rawThroughput: Math.round(median(raw.map((r) => r.throughput))),
      };
      row.ratioP50 = round(row.cachedP50 / Math.max(row.rawP50, 0.01), 2);
      rows.push(row);
      progress(`  cached ${apiCase.name}: p50 ${row.cachedP50} ms vs raw ${row.rawP50} ms (ratio ${row.ratioP50})`);
    }
    // A write between two reads, seen by both instances.
    const read = async (url: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ cohorts(where: { slug: { eq: "cohort-1" } }) { name } }' }),
      });
      return ((await response.json()) as any).data.cohorts[0]?.name as string;
    };
    let stale = 0;
    for (let i = 0; i < 5; i++) {
      await read(one.url);
      await read(two.url);
      const name = `Territoires pilotes, saison 1 (${i})`;
      await neo.driver.executeQuery(
        "MATCH (c:Cohort {slug: 'cohort-1'}) SET c.name = $name WITH c MERGE (v:GraphVersion {id: 'graph'}) SET v.version = coalesce(v.version, 0) + 1",
        { name },
      );
      for (const url of [one.url, two.url]) if ((await read(url)) !== name) stale++;
    }
    progress(`  stale reads after a write, two instances: ${stale}`);
    return { clients, rows, staleReadsAfterWrite: stale };
  } finally {
    await one.stop();
    await two.stop();
  }
}
