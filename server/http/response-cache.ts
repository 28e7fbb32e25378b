import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { Driver } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { readOnce } from "../../core/neo4j/read-once.ts";
import { JsonText } from "../graphql/json-text.ts";

interface Entry {
  data: string; // the answer's data as the JSON text first sent: a hit writes it as it is (json-text.ts)
  bytes: number;
}

/** What a read finds in the cache: a hit's data as JSON text, or the key to store its answer under. */
export interface Lookup {
  key?: string; // set when the answer may be stored (a miss at a known version)
  hit?: string; // the answer's data, as the JSON text first sent
  bypassed: boolean; // the cache stepped aside under constant edits: the read goes to the database
}

/**
 * Answers repeated anonymous reads from memory. Each answer is stored under the graph's version
 * (a counter every load moves on, in the load's own transaction), and each request first asks
 * Neo4j for the current version — one small query — so that no answer from before a load is
 * served after it, whichever API instance the load came through. Writes made around the app's
 * tools (in Neo4j Browser, say) must move the counter too, or run with RESPONSE_CACHE=off.
 * Used by Apollo (`plugin()`) and by the compiled reads (compiled-reads.ts), one store for both.
 */
export class ResponseCache {
  /**
   * Under constant edits no answer lives long enough to be asked twice, and every read would pay
   * for the version query and for nothing: when the version has moved `hotMoves` times within
   * `hotWindowMs`, reads go straight to the database (always fresh, as with the cache off) and one
   * request in `probeMs` checks the version in the background, until the edits calm down.
   */
  private readonly hotMoves = 5;
  private readonly hotWindowMs = 1000;
  private readonly probeMs = 100;
  private readonly moves: number[] = []; // when the version was seen to move, oldest first (the last hotMoves)
  private lastProbe = 0;
  private readonly entries = new Map<string, Entry>(); // insertion order = least recently used first
  private bytes = 0;
  private readonly versionQuery = readQuery("queries/graph-version");
  private lastVersion: string | undefined;
  // One version query at a time: a request that arrives while one is under way waits for the next,
  // shared by all who arrived meanwhile (the one under way may have been sent before a load it must
  // see). Under 200 clients, one query per round trip instead of one per request.
  private underWay: Promise<string> | undefined;
  private next: Promise<string> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs?: number,
    private readonly maxBytes = 64 * 2 ** 20,
  ) {}

  /** Looks an anonymous query up (a read by someone logged in never comes here). */
  async lookup(query: string | undefined, operationName: string | undefined, variables: unknown): Promise<Lookup> {
    const now = performance.now();
    if (this.hot(now)) {
      if (now - this.lastProbe >= this.probeMs) {
        this.lastProbe = now;
        this.currentVersion().catch(() => undefined); // not awaited: this read does not use the cache
      }
      return { bypassed: true };
    }
    let version: string;
    try {
      version = await this.currentVersion();
    } catch {
      return { bypassed: false }; // the database is away: the resolvers will say so (503), the cache stays out of it
    }
    const key = createHash("sha256")
      .update(`${version}\u0000${query}\u0000${operationName ?? ""}\u0000${JSON.stringify(variables ?? {})}`)
      .digest("base64");
    const entry = this.entries.get(key);
    if (!entry) return { key, bypassed: false };
    this.entries.delete(key); // refresh its place in the LRU order
    this.entries.set(key, entry);
    return { hit: entry.data, bypassed: false };
  }

  /** Keeps an answer's data (JSON text) under the key its lookup gave, unless it is already there. */
  store(key: string, data: string): void {
    if (this.entries.has(key)) return;
    const size = data.length * 2;
    if (size > this.maxBytes / 8) return; // one huge answer does not empty the cache
    this.entries.set(key, { data, bytes: size });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** The cache in Apollo's pipeline: a hit answers before execution, a miss's answer is kept. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async ({ request }) => {
        // Answers to someone logged in (token or session cookie) may hold what others may not see.
        const anonymous =
          !request.http?.headers.get("authorization") && !request.http?.headers.get("cookie")?.includes("alliance_session=");
        let found: Lookup | undefined;
        return {
          responseForOperation: async ({ operation, request }) => {
            if (!anonymous || operation?.operation !== "query") return null; // no operation: an unknown operationName
            found = await this.lookup(request.query, request.operationName, request.variables);
            if (found.hit === undefined) return null;
            const http = { status: 200, headers: new HeaderMap([["x-response-cache", "hit"]]) };
            return { http, body: { kind: "single", singleResult: { data: new JsonText(found.hit) as never } } };
          },
          willSendResponse: async ({ response }) => {
            if (found?.bypassed) response.http.headers.set("x-response-cache", "bypass");
            if (!found?.key || response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
            if (this.entries.has(found.key)) return;
            response.http.headers.set("x-response-cache", "miss");
            const data = JSON.stringify(response.body.singleResult.data);
            // Encoded once: the answer is written from the same text (json-text.ts), not encoded again.
            response.body.singleResult.data = new JsonText(data) as never;
            this.store(found.key, data);
          },
        };
      },
    };
  }

  private hot(now: number): boolean {
    return this.moves.length >= this.hotMoves && now - this.moves[0]! < this.hotWindowMs;
  }

  private currentVersion(): Promise<string> {
    if (!this.underWay) {
      this.underWay = this.readVersion().finally(() => (this.underWay = undefined));
      return this.underWay;
    }
    this.next ??= this.underWay
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.currentVersion();
      });
    return this.next;
  }

  private async readVersion(): Promise<string> {
    const records = await readOnce(this.driver, this.database, this.versionQuery, {}, this.timeoutMs);
    const version = String(records[0]?.get("version") ?? 0);
    // Keys hold the version: once it moves on, no older entry can be hit again. Dropped at once,
    // so that a stream of edits does not fill the cache with answers nobody will get.
    if (version !== this.lastVersion) {
      if (this.lastVersion !== undefined) this.moves.push(performance.now());
      if (this.moves.length > this.hotMoves) this.moves.shift();
      this.lastVersion = version;
      this.entries.clear();
      this.bytes = 0;
    }
    return version;
  }
}

/** The cache as an Apollo plugin of its own (the tests build it so). */
export function responseCachePlugin(driver: Driver, database: string, timeoutMs?: number, maxBytes?: number): ApolloServerPlugin {
  return new ResponseCache(driver, database, timeoutMs, maxBytes).plugin();
}
