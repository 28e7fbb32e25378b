import { computeMetrics, type MetricsInput } from "../server/metrics/compute-metrics.ts";
import { round } from "./stats.ts";

export interface MetricsRow {
  nodes: number;
  ties: number;
  ms: number; // degree, betweenness, Louvain and brokers, as the API's worker runs them
  sampled: boolean;
  communities: number;
}

export interface MetricsResult {
  rows: MetricsRow[];
  reference: { nodes: number; exactMs: number; sampledMs: number; topOverlap: number }; // the estimate against the exact, same graph
}

/**
 * The network metrics' computation time on synthetic networks of the given sizes (three ties per
 * entity, a skewed degree spread like the benchmark's alliance), and, at the first size, the sampled
 * estimate against exact betweenness: time, and how many of the exact top 20 brokers it also ranks top 20.
 */
export function measureMetrics(sizes: number[], progress: (line: string) => void): MetricsResult {
  const rows: MetricsRow[] = [];
  for (const nodes of sizes) {
    const input = network(nodes);
    const started = performance.now();
    const metrics = computeMetrics(input);
    const ms = Math.round(performance.now() - started);
    rows.push({ nodes, ties: input.ties.length, ms, sampled: metrics.betweennessSampled, communities: metrics.communities.length });
    progress(
      `  metrics at ${nodes} nodes: ${ms} ms (${metrics.betweennessSampled ? "sampled" : "exact"} betweenness, ${metrics.communities.length} communities)`,
    );
  }
  const size = sizes[0]!;
  const input = network(size);
  let started = performance.now();
  const exact = computeMetrics(input, { exactUpTo: Number.MAX_SAFE_INTEGER });
  const exactMs = Math.round(performance.now() - started);
  started = performance.now();
  const sampled = computeMetrics(input, { exactUpTo: 0 });
  const sampledMs = Math.round(performance.now() - started);
  const top = (m: typeof exact) =>
    new Set(
      [...m.nodes]
        .sort((a, b) => b[1].betweenness - a[1].betweenness)
        .slice(0, 20)
        .map(([id]) => id),
    );
  const exactTop = top(exact);
  const topOverlap = [...top(sampled)].filter((id) => exactTop.has(id)).length;
  return { rows, reference: { nodes: size, exactMs, sampledMs, topOverlap: round(topOverlap / 20, 2) } };
}

function network(n: number): MetricsInput {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `ally:a${i}`,
    name: `a${i}`,
    regions: [`r${i % 13}`],
    cohorts: [`c${i % 5}`],
    themes: [`t${i % 7}`],
  }));
  const ties: [string, string][] = [];
  for (let i = 1; i < n; i++) for (let k = 0; k < 3; k++) ties.push([`ally:a${i}`, `ally:a${Math.floor(random() ** 2 * i)}`]);
  return { nodes, ties };
}
