import http from "node:http";
import { themeTypes } from "../core/model/index.ts";
import neo4j, { type Driver } from "neo4j-driver";
import { toLuceneQuery } from "../server/graphql/resolvers/lucene-query.ts";
import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { readQuery } from "../core/neo4j/cypher-files.ts";
import { fillQuery } from "../core/neo4j/cypher-template.ts";
import { readOnce } from "../core/neo4j/read-once.ts";
import { captureGeneratedCypher } from "./capture-generated-cypher.ts";
import { median, percentile, round } from "./stats.ts";

export interface ApiCase {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  cypher: string; // what the raw driver runs: the same Cypher the API runs
  params: Record<string, unknown>;
}

export interface Measured {
  p50: number; // ms
  p99: number;
  throughput: number; // requests per second
  errors: number;
  requests: number;
}

export interface ApiRow {
  query: string;
  clients: number;
  api: Measured;
  raw: Measured;
  ratioP50: number; // api p50 ÷ raw p50
  rawOnce: Measured; // the same Cypher as one auto-commit read, as the API sends it (core/neo4j/read-once.ts)
  ratioOnceP50: number; // api p50 ÷ rawOnce p50
  floor: Measured; // `{ __typename }` through the same HTTP and path as the page's reads (compiled after its first request), at as many clients: no resolver, no Neo4j
  floorRatio: number; // (raw p50 + floor p50) ÷ raw p50: the ratio of an API that cost only its floor
}

/** The request that resolves nothing: what any answer through this server pays besides its resolver (HTTP, middleware, the compiled path). */
export const floorQuery = "{ __typename }";

/** The four measured requests, with the Cypher each one runs (ours, or the one @neo4j/graphql generates). */
export async function apiCases(
  driver: Driver,
  gazetteer: Gazetteer,
  sample: { commune: string; ally: string; word: string; titlePrefix: string },
): Promise<ApiCase[]> {
  const place = gazetteer.resolve(sample.commune);
  const generatedQuery = `query ($status: String!, $prefix: String!) { initiatives(where: { status: { eq: $status }, title: { startsWith: $prefix } }, limit: 20) { slug title kind locatedIn { slug name } } }`;
  const generatedVariables = { status: "running", prefix: sample.titlePrefix };
  const generated = await captureGeneratedCypher(driver, gazetteer, generatedQuery, generatedVariables);
  return [
    {
      name: "alliesNear (50 km)",
      query: `query ($place: String!) { alliesNear(place: $place, radiusKm: 50) { ally { slug name } distanceKm via { slug name } reason } }`,
      variables: { place: place.code },
      cypher: readQuery("queries/allies-near"),
      params: {
        point: new neo4j.types.Point(4326, place.lon!, place.lat!),
        radiusMetres: 50_000,
        limit: neo4j.int(100),
        theme: null,
        allyKind: null,
        themeTypes,
      },
    },
    {
      name: "search",
      query: `query ($text: String!) { search(text: $text, limit: 20) { kind slug name score } }`,
      variables: { text: sample.word },
      cypher: readQuery("queries/search"),
      params: { query: toLuceneQuery(sample.word), limit: neo4j.int(20) },
    },
    {
      name: "neighbourhood (depth 2)",
      query: `query ($slug: String!) { neighbourhood(kind: ally, slug: $slug, depth: 2) { nodes { data } edges { data } truncated } }`,
      variables: { slug: sample.ally },
      cypher: fillQuery("queries/neighbourhood", { __LABEL__: "Ally" }),
      params: { slug: sample.ally, depth: neo4j.int(2), limit: neo4j.int(500), firstHop: neo4j.int(500), perNode: neo4j.int(12) },
    },
    {
      name: "initiatives(where:…) generated",
      query: generatedQuery,
      variables: generatedVariables,
      cypher: generated.cypher,
      params: generated.params,
    },
  ];
}

/**
 * `clients` callers, each sending its next request as soon as the last one answers, for `seconds`:
 * the same harness for the API and for the raw driver, timed with performance.now(). (autocannon
 * records whole milliseconds, too coarse for sub-millisecond queries and their ratios.)
 */
export async function closedLoop(clients: number, seconds: number, request: () => Promise<void>): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const caller = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        await request();
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, caller));
  const elapsed = (performance.now() - started) / 1000;
  return {
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    throughput: Math.round(latencies.length / elapsed),
    errors,
    requests: latencies.length,
  };
}

/** One POST /graphql over a kept-alive connection (with a bearer token, if given); a non-200 answer or a GraphQL error counts as an error. */
export function graphqlPoster(url: string, body: string, agent: http.Agent, token?: string): () => Promise<void> {
  const target = new URL(`${url}/graphql`);
  const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
  if (token) headers.authorization = `Bearer ${token}`;
  return () =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            // A GraphQL error answers 200 with "errors" first when data is null; only look at the head.
            const head = Buffer.concat(chunks).subarray(0, 12).toString();
            if (response.statusCode !== 200 || head.startsWith('{"errors"')) reject(new Error(`HTTP ${response.statusCode}: ${head}`));
            else resolve();
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
}

/** HTTP load on the API, on loopback, one kept-alive connection per client. */
export async function loadApi(url: string, apiCase: ApiCase, clients: number, seconds: number): Promise<Measured> {
  const body = JSON.stringify({ query: apiCase.query, variables: apiCase.variables });
  const check = (await (
    await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body })
  ).json()) as { errors?: { message: string }[]; data?: Record<string, unknown> };
  if (check.errors?.length) throw new Error(`${apiCase.name}: ${check.errors[0]!.message}`);
  // A query that finds nothing measures nothing: each case must answer with something.
  const answer = Object.values(check.data ?? {})[0] as unknown[] | { nodes?: unknown[] } | undefined;
  if ((Array.isArray(answer) ? answer.length : (answer?.nodes?.length ?? 0)) === 0) throw new Error(`${apiCase.name}: the answer is empty`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    return await closedLoop(clients, seconds, graphqlPoster(url, body, agent));
  } finally {
    agent.destroy();
  }
}

/** The same Cypher as one auto-commit read (RUN and PULL, one round trip), the way the API now sends its reads. */
export async function loadRawOnce(driver: Driver, apiCase: ApiCase, clients: number, seconds: number): Promise<Measured> {
  return closedLoop(clients, seconds, async () => {
    await readOnce(driver, "neo4j", apiCase.cypher, apiCase.params);
  });
}

/** The same Cypher through neo4j-driver's executeQuery (a managed transaction), with as many concurrent callers, for as long. */
export async function loadRaw(driver: Driver, apiCase: ApiCase, clients: number, seconds: number): Promise<Measured> {
  return closedLoop(clients, seconds, async () => {
    await driver.executeQuery(apiCase.cypher, apiCase.params, { database: "neo4j", routing: "READ" });
  });
}

export async function measureApi(
  url: string,
  driver: Driver,
  cases: ApiCase[],
  levels: number[],
  seconds: number,
  repetitions: number,
  progress: (line: string) => void,
): Promise<ApiRow[]> {
  const rows: ApiRow[] = [];
  const pick = (runs: Measured[]): Measured => ({
    p50: round(median(runs.map((r) => r.p50)), 2),
    p99: round(median(runs.map((r) => r.p99)), 2),
    throughput: Math.round(median(runs.map((r) => r.throughput))),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
  });
  // The floor, once per level: HTTP on loopback, the middleware, the compiled path (server/http/compiled-reads.ts) and an answer.
  const floors = new Map<number, Measured>();
  const floorAgent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...levels) });
  try {
    const poster = graphqlPoster(url, JSON.stringify({ query: floorQuery }), floorAgent);
    await closedLoop(2, 1, poster);
    for (const clients of levels) {
      const runs: Measured[] = [];
      for (let i = 0; i < repetitions; i++) runs.push(await closedLoop(clients, seconds, poster));
      floors.set(clients, pick(runs));
      progress(`  ${floorQuery} (the floor), ${clients} client(s): p50 ${floors.get(clients)!.p50} ms`);
    }
  } finally {
    floorAgent.destroy();
  }
  for (const apiCase of cases) {
    // Warm both paths: query plans cached, JIT warm, pages in the cache.
    await loadRaw(driver, apiCase, 2, 1);
    await loadRawOnce(driver, apiCase, 2, 1);
    await loadApi(url, apiCase, 2, 1);
    for (const clients of levels) {
      const api: Measured[] = [];
      const raw: Measured[] = [];
      const rawOnce: Measured[] = [];
      for (let i = 0; i < repetitions; i++) {
        raw.push(await loadRaw(driver, apiCase, clients, seconds));
        rawOnce.push(await loadRawOnce(driver, apiCase, clients, seconds));
        api.push(await loadApi(url, apiCase, clients, seconds));
      }
      const floor = floors.get(clients)!;
      const row = {
        query: apiCase.name,
        clients,
        api: pick(api),
        raw: pick(raw),
        ratioP50: 0,
        rawOnce: pick(rawOnce),
        ratioOnceP50: 0,
        floor,
        floorRatio: 0,
      };
      row.ratioP50 = round(row.api.p50 / Math.max(row.raw.p50, 0.01), 2);
      row.ratioOnceP50 = round(row.api.p50 / Math.max(row.rawOnce.p50, 0.01), 2);
      row.floorRatio = round((row.raw.p50 + floor.p50) / Math.max(row.raw.p50, 0.01), 2);
      rows.push(row);
      progress(
        `  ${apiCase.name}, ${clients} client(s): API p50 ${row.api.p50} ms p99 ${row.api.p99} ms, raw p50 ${row.raw.p50} ms, ratio ${row.ratioP50} (floor's ${row.floorRatio}); raw auto-commit p50 ${row.rawOnce.p50} ms, ratio ${row.ratioOnceP50}`,
      );
    }
  }
  return rows;
}

/** Which operators PROFILE shows: the point index under alliesNear, the fulltext index under search. */
export async function profileIndexes(
  driver: Driver,
  cases: ApiCase[],
): Promise<{ alliesNearUsesPointIndex: boolean; searchUsesFulltext: boolean; plans: Record<string, string[]> }> {
  const plans: Record<string, string[]> = {};
  for (const apiCase of cases.slice(0, 2)) {
    const { summary } = await driver.executeQuery(`PROFILE ${apiCase.cypher}`, apiCase.params, { database: "neo4j" });
    const operators: string[] = [];
    const walk = (plan: any): void => {
      operators.push(`${plan.operatorType} ${String(plan.arguments?.Details ?? "")}`.trim());
      for (const child of plan.children ?? []) walk(child);
    };
    walk(summary.profile);
    plans[apiCase.name] = operators;
  }
  return {
    alliesNearUsesPointIndex: plans[cases[0]!.name]!.some((o) => /POINT INDEX t:Territory\(location\)/.test(o)),
    searchUsesFulltext: plans[cases[1]!.name]!.some((o) => /db\.index\.fulltext\.queryNodes/.test(o)),
    plans,
  };
}
