import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { AccountStore } from "../server/auth/account-store.ts";
import { hashPassword } from "../server/auth/passwords.ts";
import { clientDir } from "../core/client-dir.ts";
import { startApiServer } from "./api-server.ts";
import type { BenchNeo4j } from "./bench-neo4j.ts";
import { median, percentile, round } from "./stats.ts";

export interface SoakRun {
  cache: boolean;
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number; // answers other than 2xx (or a GraphQL error) to the ordinary clients
  writes: number; // changes applied by editors among them
  rateLimited: number; // 429s answered to the one client that asks for them (far past its limit)
  abuserRequests: number;
  memoryMb: { api: number[]; neo4j: number[] }; // resident memory at the start, middle and end (after the warm-up)
  kinds: Record<string, { count: number; p50: number; p99: number }>; // each part of the mix
  growth: { api: number; neo4j: number }; // end ÷ middle − 1
}

export interface SoakResult {
  runs: SoakRun[];
  mix: string;
}

export interface SoakSample {
  words: string[]; // search words: the clients type their prefixes
  communes: string[]; // alliesNear places
  allies: string[]; // neighbourhood focuses
}

const MIX: [kind: Kind, weight: number][] = [
  ["search", 35],
  ["static", 25],
  ["alliesNear", 15],
  ["neighbourhood", 15],
  ["overview", 5],
  ["write", 5],
];
type Kind = "search" | "static" | "alliesNear" | "neighbourhood" | "overview" | "write";

/**
 * The soak: `clients` people use the page at once for `seconds`, on the page's own mix (search as
 * they type, allies near a commune, a neighbourhood, the overview, the page's files) with 5 % of
 * requests changes by editors, each client with its own address behind a trusted proxy (TRUST_PROXY)
 * under the default rate limits. One more client hammers the API to meet its limit: its 429s are
 * the ones the soak asks for; every other answer must succeed. Run with the response cache and
 * without; the API's and Neo4j's resident memory are read at the start, middle and end.
 */
export async function measureSoak(
  neo: BenchNeo4j,
  sample: SoakSample,
  clients: number,
  seconds: number,
  progress: (line: string) => void,
  limitPerMinute = 600, // the default RATE_LIMIT_GRAPHQL; the smoke run lowers it to meet it in 2 s
  neo4jWarmup: { requests: number; maxSeconds: number } = { requests: 20_000, maxSeconds: seconds * 3 },
): Promise<SoakResult> {
  const accounts = new AccountStore(neo.driver, "neo4j");
  const editors = 10;
  for (let i = 0; i < editors; i++) {
    const username = `soak-editor-${i}`;
    if (!(await accounts.find(username))) await accounts.create(username, await hashPassword(`${username}-password`), "editor");
  }
  // The page's files: what index.html loads, and the basemap (not GraphiQL's bundles, asked only by developers at /graphql).
  const page = fs.readFileSync(path.join(clientDir, "index.html"), "utf8");
  const assets = [...page.matchAll(/"\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => `/${match[1]}`);
  if (assets.length === 0) throw new Error(`the soak found no script or style in ${path.join(clientDir, "index.html")}`);
  const staticPaths = ["/", "/basemap.json", ...assets];
  const runs: SoakRun[] = [];
  let created = 0;
  // Neo4j's JIT needs some 20 000 queries to settle (a RETURN 1 goes from 2.8 to 0.3 ms here), more
  // than a run's warm-up asks: a first pass of the same mix, not counted, warms it as a server that has
  // been up would be; then each run, on a new API process, has its own warm-up. The first pass ends
  // after that many requests, not after a time: 30 s served 4 500 of them, and the run after it (the
  // cache on, always first) was measured on a Neo4j still warming.
  const passes = [
    { cache: false, counted: false },
    { cache: true, counted: true },
    { cache: false, counted: true },
  ];
  for (const { cache, counted } of passes) {
    const runSeconds = counted ? seconds : neo4jWarmup.maxSeconds;
    if (runSeconds <= 0) continue;
    const api = await startApiServer(neo.uri, {
      RESPONSE_CACHE: cache ? "on" : "off",
      TRUST_PROXY: "loopback",
      RATE_LIMIT_GRAPHQL: String(limitPerMinute), // the default, as deployed
      RATE_LIMIT_AUTH: "60",
      LOGIN_LIMIT_PER_ADDRESS: "1000",
    });
    try {
      const tokens: string[] = [];
      for (let i = 0; i < editors; i++) {
        const response = await fetch(`${api.url}/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.1.0.${i}` },
          body: JSON.stringify({ username: `soak-editor-${i}`, password: `soak-editor-${i}-password` }),
        });
        if (!response.ok) throw new Error(`soak login: ${response.status} ${await response.text()}`);
        tokens.push(((await response.json()) as { token: string }).token);
      }
      const agent = new http.Agent({ keepAlive: true, maxSockets: clients + 50 });
      const target = new URL(api.url);
      const send = (method: string, urlPath: string, address: string, body?: string, token?: string) =>
        new Promise<number>((resolve, reject) => {
          const headers: Record<string, string | number> = { "x-forwarded-for": address };
          if (body) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          if (token) headers.authorization = `Bearer ${token}`;
          const request = http.request({ host: target.hostname, port: target.port, path: urlPath, method, agent, headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              const head = Buffer.concat(chunks).subarray(0, 12).toString();
              resolve(response.statusCode === 200 && !head.startsWith('{"errors"') ? 200 : (response.statusCode ?? 0));
            });
            response.on("error", reject);
          });
          request.on("error", reject);
          request.end(body);
        });
      const graphql = (query: string, variables: Record<string, unknown>, address: string, token?: string) =>
        send("POST", "/graphql", address, JSON.stringify({ query, variables }), token);

      const latencies: number[] = [];
      const byKind = new Map<Kind, number[]>();
      let errors = 0;
      let writes = 0;
      let rateLimited = 0;
      let abuserRequests = 0;
      const firstError: string[] = [];
      // A warm-up (a sixth of the run, not counted) first: JIT, pools and caches filled, as on a
      // server that has been up; then the measured run.
      const warmup = runSeconds / 6;
      const started = performance.now() + warmup * 1000;
      const deadline = started + runSeconds * 1000;
      const samples: { at: number; api: number; neo4j: number }[] = [];
      const sampler = setInterval(
        () => {
          const at = (performance.now() - started) / 1000 / runSeconds;
          if (at >= 0) samples.push({ at, api: residentMb(api.child.pid), neo4j: residentMb(neo.neo4j.pid) });
        },
        Math.max(100, (runSeconds * 1000) / 60),
      );
      let served = 0;
      const client = async (index: number): Promise<void> => {
        const address = `10.2.${Math.floor(index / 250)}.${index % 250}`;
        let seed = index * 7919 + 1;
        const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
        while (performance.now() < deadline && (counted || served < neo4jWarmup.requests)) {
          const kind = pick(random());
          const begin = performance.now();
          let status: number;
          try {
            status = await request(kind, index, address, random);
          } catch (error) {
            status = 0;
            if (firstError.length < 3) firstError.push((error as Error).message);
          }
          served++;
          if (status !== 200) {
            errors++;
            if (firstError.length < 3) firstError.push(`${kind}: HTTP ${status}`);
          } else if (begin >= started) {
            const ms = performance.now() - begin;
            latencies.push(ms);
            byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
          }
        }
      };
      const request = async (kind: Kind, index: number, address: string, random: () => number): Promise<number> => {
        switch (kind) {
          case "search": {
            const word = sample.words[Math.floor(random() * sample.words.length)]!;
            const prefix = word.slice(0, 1 + Math.floor(random() * word.length));
            return graphql("query ($text: String!) { search(text: $text, limit: 20) { kind slug name score } }", { text: prefix }, address);
          }
          case "alliesNear":
            return graphql(
              "query ($place: String!) { alliesNear(place: $place, radiusKm: 50) { ally { slug name } distanceKm via { slug name } reason } }",
              { place: sample.communes[Math.floor(random() * sample.communes.length)]! },
              address,
            );
          case "neighbourhood":
            return graphql(
              "query ($slug: String!) { neighbourhood(kind: ally, slug: $slug, depth: 1) { nodes { data } edges { data } truncated } }",
              { slug: sample.allies[Math.floor(random() * sample.allies.length)]! },
              address,
            );
          case "overview":
            return graphql("{ overview(limit: 300) { total nodes { data } edges { data } } }", {}, address);
          case "static":
            return send("GET", staticPaths[Math.floor(random() * staticPaths.length)]!, address);
          case "write": {
            const n = ++created;
            writes++;
            const name = `Allié du soak ${n}`;
            const change = {
              operations: [
                { op: "CREATE_ENTITY", entity: { kind: "ally", slug: `allie-du-soak-${n}` }, properties: { name, kind: "association" } },
              ],
              source: { statement: { by: `soak-editor-${index % editors}`, on: "2026-12-01" }, quote: `${name} est une association.` },
            };
            return graphql(
              "mutation ($change: ChangeInput!) { applyChange(change: $change) { id } }",
              { change },
              address,
              tokens[index % editors],
            );
          }
        }
      };
      // The abuser: twice its limit over the run (20 requests a second for 600 a minute in 60 s),
      // from one address, whatever the answers' speed: about half refused. Paced, not closed-loop,
      // so that it asks its 429s without becoming most of the load.
      const abuseWindow = Math.min(60, runSeconds + warmup);
      const abuserInterval = Math.max(1, 1000 / ((2 * limitPerMinute) / abuseWindow));
      const abuse: Promise<void>[] = [];
      const abuser = setInterval(() => {
        if (performance.now() >= deadline) return;
        abuse.push(
          send("GET", "/graphql?query=%7B__typename%7D", "10.9.9.9").then(
            (status) => {
              abuserRequests++;
              if (status === 429) rateLimited++;
            },
            () => void abuserRequests++,
          ),
        );
      }, abuserInterval);
      await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
      clearInterval(abuser);
      await Promise.all(abuse);
      const elapsed = (performance.now() - started) / 1000;
      clearInterval(sampler);
      agent.destroy();
      // Start, middle and end: the first sample, then the medians of those around the middle and of the last tenth.
      const window = (from: number, to: number, key: "api" | "neo4j") =>
        median(samples.filter((x) => x.at >= from && x.at <= to).map((x) => x[key]));
      const memory = {
        api: [samples[0]?.api ?? 0, window(0.4, 0.6, "api"), window(0.9, 1.1, "api")],
        neo4j: [samples[0]?.neo4j ?? 0, window(0.4, 0.6, "neo4j"), window(0.9, 1.1, "neo4j")],
      };
      const run: SoakRun = {
        cache,
        clients,
        seconds: runSeconds,
        requests: latencies.length,
        perSecond: Math.round(latencies.length / elapsed),
        p50: round(percentile(latencies, 50), 1),
        p95: round(percentile(latencies, 95), 1),
        p99: round(percentile(latencies, 99), 1),
        max: round(Math.max(...latencies), 1),
        errors,
        writes,
        rateLimited,
        abuserRequests,
        memoryMb: memory,
        kinds: Object.fromEntries(
          MIX.map(([kind]) => [
            kind,
            {
              count: byKind.get(kind)?.length ?? 0,
              p50: round(percentile(byKind.get(kind) ?? [0], 50), 1),
              p99: round(percentile(byKind.get(kind) ?? [0], 99), 1),
            },
          ]),
        ),
        growth: { api: round(memory.api[2]! / memory.api[1]! - 1, 3), neo4j: round(memory.neo4j[2]! / memory.neo4j[1]! - 1, 3) },
      };
      if (!counted) {
        progress(`  soak: Neo4j warmed by ${served} requests in ${Math.round(elapsed + warmup)} s (not counted)`);
        continue;
      }
      runs.push(run);
      progress(
        `  soak, cache ${cache ? "on" : "off"}: ${run.perSecond} req/s, p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, ` +
          `${run.errors} errors${firstError.length ? ` (${firstError.join("; ")})` : ""}, ${run.writes} writes, ` +
          `${run.rateLimited}/${run.abuserRequests} of the abuser's requests refused; memory API ${memory.api.join(" → ")} MB, Neo4j ${memory.neo4j.join(" → ")} MB; ` +
          Object.entries(run.kinds)
            .map(([kind, k]) => `${kind} p50 ${k.p50} / p99 ${k.p99} ms`)
            .join(", "),
      );
    } finally {
      await api.stop();
    }
  }
  return { runs, mix: MIX.map(([kind, weight]) => `${kind} ${weight} %`).join(", ") };
}

function pick(roll: number): Kind {
  let total = 0;
  for (const [kind, weight] of MIX) {
    total += weight / 100;
    if (roll < total) return kind;
  }
  return "search";
}

/** A process's resident memory (VmRSS), in MB. */
function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
