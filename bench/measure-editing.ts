import http from "node:http";
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
    const aloneLatencies: number[] = [];
    const aloneVersions = { value: 0 };
    const aloneSlug = allies[allies.length - 1]!;
    await closedLoop(1, seconds, async () => {
      const started = performance.now();
      await graphqlPoster(api.url, changeBody(aloneSlug, aloneVersions.value, 0), agent, tokens[0])();
      aloneLatencies.push(performance.now() - started);
      aloneVersions.value += 1;
    });
    const alone = {
      changes: aloneLatencies.length,
      p50: round(percentile(aloneLatencies, 50), 1),
      p99: round(percentile(aloneLatencies, 99), 1),
    };
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
    agent.destroy();
    return { readers, alone, baseline, rows };
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
