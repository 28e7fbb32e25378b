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

/**
 * Answers repeated anonymous reads from memory. Each answer is stored under the graph's version
 * (a counter every load moves on, in the load's own transaction), and each request first asks
 * Neo4j for the current version — one small query — so that no answer from before a load is
 * served after it, whichever API instance the load came through. Writes made around the app's
 * tools (in Neo4j Browser, say) must move the counter too, or run with RESPONSE_CACHE=off.
 */
export function responseCachePlugin(driver: Driver, database: string, timeoutMs?: number, maxBytes = 64 * 2 ** 20): ApolloServerPlugin {
  /**
   * Under constant edits no answer lives long enough to be asked twice, and every read would pay
   * for the version query and for nothing: when the version has moved `hotMoves` times within
   * `hotWindowMs`, reads go straight to the database (always fresh, as with the cache off) and one
   * request in `probeMs` checks the version in the background, until the edits calm down.
   */
  const hotMoves = 5;
  const hotWindowMs = 1000;
  const probeMs = 100;
  const moves: number[] = []; // when the version was seen to move, oldest first (the last hotMoves)
  let lastProbe = 0;
  const hot = (now: number): boolean => moves.length >= hotMoves && now - moves[0]! < hotWindowMs;

  const entries = new Map<string, Entry>(); // insertion order = least recently used first
  let bytes = 0;
  const versionQuery = readQuery("queries/graph-version");
  let lastVersion: string | undefined;

  // One version query at a time: a request that arrives while one is under way waits for the next,
  // shared by all who arrived meanwhile (the one under way may have been sent before a load it must
  // see). Under 200 clients, one query per round trip instead of one per request.
  let underWay: Promise<string> | undefined;
  let next: Promise<string> | undefined;
  const currentVersion = (): Promise<string> => {
    if (!underWay) {
      underWay = readVersion().finally(() => (underWay = undefined));
      return underWay;
    }
    next ??= underWay
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return currentVersion();
      });
    return next;
  };

  const readVersion = async (): Promise<string> => {
    const records = await readOnce(driver, database, versionQuery, {}, timeoutMs);
    const version = String(records[0]?.get("version") ?? 0);
    // Keys hold the version: once it moves on, no older entry can be hit again. Dropped at once,
    // so that a stream of edits does not fill the cache with answers nobody will get.
    if (version !== lastVersion) {
      if (lastVersion !== undefined) moves.push(performance.now());
      if (moves.length > hotMoves) moves.shift();
      lastVersion = version;
      entries.clear();
      bytes = 0;
    }
    return version;
  };

  return {
    async requestDidStart({ request }) {
      // Answers to someone logged in (token or session cookie) may hold what others may not see.
      const anonymous = !request.http?.headers.get("authorization") && !request.http?.headers.get("cookie")?.includes("alliance_session=");
      let key: string | undefined;
      let bypassed = false;
      return {
        async responseForOperation({ operation, request }) {
          if (!anonymous || operation?.operation !== "query") return null; // no operation: an unknown operationName
          const now = performance.now();
          if (hot(now)) {
            bypassed = true;
            if (now - lastProbe >= probeMs) {
              lastProbe = now;
              currentVersion().catch(() => undefined); // not awaited: this read does not use the cache
            }
            return null;
          }
          let version: string;
          try {
            version = await currentVersion();
          } catch {
            return null; // the database is away: the resolvers will say so (503), the cache stays out of it
          }
          key = createHash("sha256")
            .update(`${version}\u0000${request.query}\u0000${request.operationName ?? ""}\u0000${JSON.stringify(request.variables ?? {})}`)
            .digest("base64");
          const entry = entries.get(key);
          if (!entry) return null;
          entries.delete(key); // refresh its place in the LRU order
          entries.set(key, entry);
          const http = { status: 200, headers: new HeaderMap([["x-response-cache", "hit"]]) };
          return { http, body: { kind: "single", singleResult: { data: new JsonText(entry.data) as never } } };
        },
        async willSendResponse({ response }) {
          if (bypassed) response.http.headers.set("x-response-cache", "bypass");
          if (!key || response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
          if (entries.has(key)) return;
          response.http.headers.set("x-response-cache", "miss");
          const data = JSON.stringify(response.body.singleResult.data);
          // Encoded once: the answer is written from the same text (json-text.ts), not encoded again.
          response.body.singleResult.data = new JsonText(data) as never;
          const size = data.length * 2;
          if (size > maxBytes / 8) return; // one huge answer does not empty the cache
          entries.set(key, { data, bytes: size });
          bytes += size;
          for (const [oldest, entry] of entries) {
            if (bytes <= maxBytes) break;
            entries.delete(oldest);
            bytes -= entry.bytes;
          }
        },
      };
    },
  };
}
