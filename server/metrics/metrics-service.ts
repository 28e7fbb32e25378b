import { WorkerCalls } from "../worker-calls.ts";
import type { Driver } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import type { Metrics, MetricsInput, MetricsOptions } from "./compute-metrics.ts";
import { readNetwork } from "./read-network.ts";

export interface MetricsSnapshot {
  version: string; // the graph version they are of
  metrics: Metrics;
  computedMs: number;
  nodeCount: number;
  names: Map<string, string>; // id → name, for the summaries of members and brokers
  groups: Map<string, { regions: string[]; themes: string[] }>; // what a view colours an entity by
}

interface Job {
  version: string;
  done: Promise<MetricsSnapshot>;
}

/**
 * The network's metrics, computed once per graph version in a worker thread (not per request).
 * Requests for the current version share one computation; while one runs, a newer version waits
 * for it and then gets its own, so a burst of edits costs at most two computations, never a queue.
 */
export class MetricsService {
  private readonly worker = new WorkerCalls<{ input: MetricsInput; options: MetricsOptions }, { metrics: Metrics; ms: number }>(
    new URL("./metrics-worker.ts", import.meta.url),
  );
  private current: MetricsSnapshot | undefined;
  private running: Job | undefined;
  private queued: Job | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: MetricsOptions = {},
  ) {}

  async get(): Promise<MetricsSnapshot> {
    const version = await this.version();
    if (this.current?.version === version) return this.current;
    if (this.running?.version === version) return this.running.done;
    if (this.queued?.version === version) return this.queued.done;
    if (!this.running) return this.start(version).done;
    const after = this.running.done.catch(() => undefined);
    const queued: Job = { version, done: Promise.resolve(undefined as never) };
    queued.done = after.then((): Promise<MetricsSnapshot> => (this.queued === queued ? this.start(version).done : this.get()));
    this.queued = queued;
    return queued.done;
  }

  close(): Promise<void> {
    return this.worker.close();
  }

  private start(version: string): Job {
    if (this.queued?.version === version) this.queued = undefined;
    const running: Job = { version, done: Promise.resolve(undefined as never) };
    running.done = (async () => {
      try {
        const input = await readNetwork(this.driver, this.database);
        const { metrics, ms } = await this.compute(input);
        const names = new Map(input.nodes.map((node) => [node.id, node.name]));
        this.current = { version, metrics, computedMs: ms, nodeCount: input.nodes.length, names, groups: groupsOf(input) };
        return this.current;
      } finally {
        if (this.running === running) this.running = undefined;
      }
    })();
    this.running = running;
    return running;
  }

  private async version(): Promise<string> {
    const { records } = await this.driver.executeQuery(
      readQuery("queries/graph-version"),
      {},
      { database: this.database, routing: "READ" },
    );
    return String(records[0]?.get("version") ?? "none:0");
  }

  private compute(input: MetricsInput): Promise<{ metrics: Metrics; ms: number }> {
    return this.worker.call({ input, options: this.options });
  }
}

/**
 * The régions and themes of each entity, for colouring a view. An entity about no theme (an ally, a
 * territory) takes the themes of those it is tied to, most frequent first (then by name), so that
 * colouring by theme says what an ally works on.
 */
export function groupsOf(input: MetricsInput): Map<string, { regions: string[]; themes: string[] }> {
  const own = new Map(input.nodes.map((node) => [node.id, node.themes]));
  const neighbours = new Map<string, Set<string>>();
  for (const [a, b] of input.ties) {
    if (a === b) continue;
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  }
  return new Map(
    input.nodes.map((node) => {
      if (node.themes.length > 0) return [node.id, { regions: node.regions, themes: node.themes }];
      const counts = new Map<string, number>();
      for (const other of neighbours.get(node.id) ?? [])
        for (const theme of own.get(other) ?? []) counts.set(theme, (counts.get(theme) ?? 0) + 1);
      const themes = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([theme]) => theme);
      return [node.id, { regions: node.regions, themes }];
    }),
  );
}
