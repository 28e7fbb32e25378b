import http from "node:http";
import neo4j from "neo4j-driver";
import { fillQuery } from "../core/neo4j/cypher-template.ts";
import { AccountStore } from "../server/auth/account-store.ts";
import { hashPassword } from "../server/auth/passwords.ts";
import { startApiServer } from "./api-server.ts";
import type { BenchNeo4j } from "./bench-neo4j.ts";
import { closedLoop, graphqlPoster, type ApiCase, type Measured } from "./measure-api.ts";
import { percentile, round } from "./stats.ts";

export interface EditingRow {
  editors: number;
  changes: number; // applied during the run
  changeP50: number; // ms, one applyChange over HTTP
  changeP99: number;
  refused: number; // changes that failed (none should: each editor edits its own ally)
  readers: Measured; // the 50 readers meanwhile
}

export interface EditingResult {
  readers: number;
  alone: { changes: number; p50: number; p99: number }; // one editor, nobody reading: the reference
  // The same, after `records` more change records: a change's cost must not grow with the history
  // (its stale-version check, its own record and the entity's history are found through indexes).
  withHistory: {
    records: number;
    before: { changes: number; p50: number; p99: number }; // one editor alone just before the records were added
    changes: number;
    p50: number;
    p99: number;
    historyP50: number;
    historyBeforeP50: number;
  };
  baseline: Measured; // the readers alone
  rows: EditingRow[];
}

/**
 * Changes applied while people read: `readers` clients read in a loop (the neighbourhood of an ally,
 * the response cache off, so that every read reaches Neo4j), first alone, then while 1 and then 10
 * editors apply changes (each its own ally's description, through POST /graphql applyChange, with
 * a first-hand statement as source), timed one by one.
 */
export async function measureEditing(
  neo: BenchNeo4j,
  readCase: ApiCase,
  allies: string[],
  levels: number[],
  readers: number,
  seconds: number,
  progress: (line: string) => void,
  historyRecords = 20_000,
): Promise<EditingResult> {
  const accounts = new AccountStore(neo.driver, "neo4j");
  const editors = Math.max(...levels);
  for (let i = 0; i < editors; i++) {
    const username = `bench-editor-${i}`;
    if (!(await accounts.find(username))) await accounts.create(username, await hashPassword(`${username}-password`), "editor");
  }
  const api = await startApiServer(neo.uri, { RESPONSE_CACHE: "off", LOGIN_LIMIT_PER_ADDRESS: "1000" });
  try {
    const tokens: string[] = [];
    for (let i = 0; i < editors; i++) {
      const response = await fetch(`${api.url}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: `bench-editor-${i}`, password: `bench-editor-${i}-password` }),
      });
      if (!response.ok) throw new Error(`bench login: ${response.status} ${await response.text()}`);
      tokens.push(((await response.json()) as { token: string }).token);
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: readers + editors });
    const read = graphqlPoster(api.url, JSON.stringify({ query: readCase.query, variables: readCase.variables }), agent);
    // One editor alone first: the reference, and the warm-up (query plans cached, code compiled) of what follows.
    const editAlone = async (slug: string) => {
      const latencies: number[] = [];
      let version = 0;
      await closedLoop(1, seconds, async () => {
        const started = performance.now();
        await graphqlPoster(api.url, changeBody(slug, version, 0), agent, tokens[0])();
        latencies.push(performance.now() - started);
        version += 1;
      });
      return { changes: latencies.length, p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1) };
    };
    const history = graphqlPoster(
      api.url,
      JSON.stringify({
        query: "query ($slug: String!) { history(kind: ally, slug: $slug) { version changes { id } } }",
        variables: { slug: allies[0] },
      }),
      agent,
      tokens[0],
    );
    const alone = await editAlone(allies[allies.length - 1]!);
    progress(`  1 editor, nobody reading: ${alone.changes} changes, p50 ${alone.p50} ms, p99 ${alone.p99} ms`);
    await closedLoop(readers, seconds, read); // warm: the baseline is a server that has been serving, like the rest
    const baseline = await closedLoop(readers, seconds, read);
    progress(`  ${readers} readers alone: p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
    const rows: EditingRow[] = [];
    const versions = new Map<string, number>();
    for (const level of levels) {
      const latencies: number[] = [];
      let refused = 0;
      const deadline = performance.now() + seconds * 1000;
      const editor = async (index: number): Promise<void> => {
        const slug = allies[index % allies.length]!;
        while (performance.now() < deadline) {
          const version = versions.get(slug) ?? 0;
          const change = {
            operations: [
              { op: "UPDATE_ENTITY", entity: { kind: "ally", slug }, version, properties: { description: `Description ${version + 1}` } },
            ],
            source: { statement: { by: `bench-editor-${index}`, on: "2026-12-01" }, quote: `Description ${version + 1}` },
          };
          const body = JSON.stringify({
            query: "mutation ($change: ChangeInput!) { applyChange(change: $change) { id } }",
            variables: { change },
          });
          const started = performance.now();
          try {
            await graphqlPoster(api.url, body, agent, tokens[index])();
            latencies.push(performance.now() - started);
            versions.set(slug, version + 1);
          } catch {
            refused++;
          }
        }
      };
      const [readersMeanwhile] = await Promise.all([
        closedLoop(readers, seconds, read),
        ...Array.from({ length: level }, (_, i) => editor(i)),
      ]);
      const row: EditingRow = {
        editors: level,
        changes: latencies.length,
        changeP50: round(percentile(latencies, 50), 1),
        changeP99: round(percentile(latencies, 99), 1),
        refused,
        readers: readersMeanwhile as Measured,
      };
      rows.push(row);
      progress(
        `  ${level} editor(s): ${row.changes} changes, p50 ${row.changeP50} ms, p99 ${row.changeP99} ms; readers p99 ${row.readers.p99} ms (alone ${baseline.p99} ms)`,
      );
    }
    // Then, on the server warmed by all that, one editor alone again and an ally's history; then as many
    // change records again as a long-lived alliance may gather (each touching an entity of its own, as
    // most do), and the same once more on another ally: the same cost is the goal.
    const before = await editAlone(allies[allies.length - 2]!);
    const historyBefore = await closedLoop(1, seconds / 2, history);
    await runImplicit(neo, addChangeRecords, { count: neo4j.int(historyRecords) });
    await runImplicit(neo, fillQuery("changes/link-change-keys", {}), {}); // as the change service links its records
    let withHistory: EditingResult["withHistory"];
    try {
      const after = await editAlone(allies[allies.length - 3]!);
      const historyAfter = await closedLoop(1, seconds / 2, history);
      withHistory = { records: historyRecords, before, ...after, historyP50: historyAfter.p50, historyBeforeP50: historyBefore.p50 };
    } finally {
      await runImplicit(
        neo,
        "MATCH (c:Change) WHERE c.id STARTS WITH 'bench-history-' CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 5000 ROWS",
        {},
      );
      await runImplicit(
        neo,
        "MATCH (k:ChangeKey) WHERE k.key STARTS WITH 'Ally/bench-history-' CALL (k) { DETACH DELETE k } IN TRANSACTIONS OF 5000 ROWS",
        {},
      );
    }
    progress(
      `  1 editor after ${historyRecords} more change records: ${withHistory.changes} changes, p50 ${withHistory.p50} ms (${before.p50} ms just before); an ally's history p50 ${withHistory.historyP50} ms (${historyBefore.p50} ms before)`,
    );
    agent.destroy();
    return { readers, alone, withHistory, baseline, rows };
  } finally {
    await api.stop();
  }
}

/** An editor's change: the next description of one ally, stated by the editor. */
function changeBody(slug: string, version: number, editor: number): string {
  const change = {
    operations: [
      { op: "UPDATE_ENTITY", entity: { kind: "ally", slug }, version, properties: { description: `Description ${version + 1}` } },
    ],
    source: { statement: { by: `bench-editor-${editor}`, on: "2026-12-01" }, quote: `Description ${version + 1}` },
  };
  return JSON.stringify({ query: "mutation ($change: ChangeInput!) { applyChange(change: $change) { id } }", variables: { change } });
}

/**
 * `$count` applied change records of the shape seeds/changes/change-record.ts stores, each touching
 * an ally of its own (none of the bench's), with an input and effects of some 600 characters each.
 */
const addChangeRecords = `
UNWIND range(1, $count) AS i
CALL (i) {
  CREATE (c:Change {id: 'bench-history-' + i, status: 'applied', kind: 'edit', author: 'bench-history', authorRole: 'editor',
                    seq: 1000000000 + i, sourceSlug: 'bench-history', fields: '{}', mentions: [],
                    keys: ['Ally/bench-history-' + i],
                    input: reduce(s = '', k IN range(1, 12) | s + '{"op":"UPDATE_ENTITY","entity":{"kind":"ally"}}'),
                    effects: reduce(s = '', k IN range(1, 12) | s + '{"key":"Ally/bench-history","before":{}}'),
                    createdAt: datetime() - duration({days: 30})})
} IN TRANSACTIONS OF 5000 ROWS`;

/** A query with CALL … IN TRANSACTIONS: only in an implicit (auto-commit) transaction. */
async function runImplicit(neo: BenchNeo4j, query: string, params: Record<string, unknown>): Promise<void> {
  const session = neo.driver.session({ database: "neo4j" });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}
