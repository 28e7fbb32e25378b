import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";

// CommonJS packages typed as ES modules with a default export: under NodeNext their default import
// is the CommonJS export itself, which is that function.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
type Graph = UndirectedGraph;

/** One entity of the network, with the groups it belongs to (from `belonging` relationships). */
export interface MetricsNode {
  id: string; // "ally:extracites"
  name: string;
  regions: string[]; // the régions it is in, or works in
  cohorts: string[];
  themes: string[];
}

export interface MetricsInput {
  nodes: MetricsNode[];
  ties: [string, string][]; // `tie` relationships, either direction; repeated ties count once
}

export interface NodeMetrics {
  degree: number; // how many others it is tied to
  betweenness: number; // the share of shortest paths between others that pass through it (0 to 1)
  community: number; // its Louvain community
}

export interface Community {
  id: number;
  name: string; // from its most central members and its themes
  size: number;
  members: string[]; // most central first
  themes: string[]; // most frequent first
}

export interface Broker {
  id: string;
  betweenness: number;
  spans: { communities: number; regions: number; cohorts: number }; // among itself and those it is tied to
}

export interface Metrics {
  nodes: Map<string, NodeMetrics>;
  communities: Community[]; // largest first
  brokers: Broker[]; // highest betweenness first, only those whose ties span more than one group
  betweennessSampled: boolean; // past `exactUpTo` nodes, estimated from a sample of sources
  modularity: number;
}

export interface MetricsOptions {
  exactUpTo?: number; // exact betweenness up to this many nodes: about a second at 2 000 (npm run bench)
  samples?: number; // sources of the estimate past it
  seed?: number; // Louvain's and the sample's random numbers: the same graph gives the same answer
}

/**
 * Degree, betweenness (Brandes, via graphology-metrics), Louvain communities and brokers of the
 * network, computed from its ties on an undirected simple graph. Deterministic: Louvain and the
 * sampling draw from a seeded generator, and nodes are added in id order.
 */
export function computeMetrics(input: MetricsInput, options: MetricsOptions = {}): Metrics {
  const { exactUpTo = 2000, samples = 500, seed = 20261201 } = options;
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  const byId = new Map(input.nodes.map((node) => [node.id, node]));
  for (const id of [...byId.keys()].sort()) graph.addNode(id);
  for (const [a, b] of input.ties) if (a !== b && graph.hasNode(a) && graph.hasNode(b) && !graph.hasEdge(a, b)) graph.addEdge(a, b);

  const sampled = graph.order > exactUpTo;
  const betweenness = sampled ? sampledBetweenness(graph, samples, random(seed)) : normalizedBetweenness(graph);
  const detailed = graph.size > 0 ? louvain.detailed(graph, { rng: random(seed), randomWalk: true }) : undefined;
  const communityOf = detailed?.communities ?? Object.fromEntries(graph.nodes().map((id, i) => [id, i]));
  // Communities numbered by size (largest 0), then by their first member's id: stable names for a stable graph.
  const groups = new Map<number, string[]>();
  for (const id of graph.nodes()) groups.set(communityOf[id]!, [...(groups.get(communityOf[id]!) ?? []), id]);
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const renumber = new Map<string, number>();
  ordered.forEach((members, index) => members.forEach((id) => renumber.set(id, index)));

  const nodes = new Map<string, NodeMetrics>();
  for (const id of graph.nodes())
    nodes.set(id, { degree: graph.degree(id), betweenness: betweenness[id] ?? 0, community: renumber.get(id)! });

  const central = (a: string, b: string) =>
    nodes.get(b)!.betweenness - nodes.get(a)!.betweenness || nodes.get(b)!.degree - nodes.get(a)!.degree || a.localeCompare(b);
  const communities: Community[] = ordered.map((members, id) => {
    const sorted = [...members].sort(central);
    const themes = frequent(sorted.flatMap((member) => byId.get(member)!.themes));
    const leaders = sorted.slice(0, 2).map((member) => byId.get(member)!.name);
    return {
      id,
      name: [leaders.join(", "), themes.slice(0, 2).join(", ")].filter(Boolean).join(" — "),
      size: members.length,
      members: sorted,
      themes,
    };
  });

  const brokers: Broker[] = graph
    .nodes()
    .map((id) => {
      const around = [id, ...graph.neighbors(id)];
      const count = (values: (string | number)[]) => new Set(values).size;
      return {
        id,
        betweenness: nodes.get(id)!.betweenness,
        spans: {
          communities: count(around.map((other) => renumber.get(other)!)),
          regions: count(around.flatMap((other) => byId.get(other)!.regions)),
          cohorts: count(around.flatMap((other) => byId.get(other)!.cohorts)),
        },
      };
    })
    .filter((broker) => broker.betweenness > 0 && (broker.spans.communities > 1 || broker.spans.regions > 1 || broker.spans.cohorts > 1))
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id));

  return { nodes, communities, brokers, betweennessSampled: sampled, modularity: detailed?.modularity ?? 0 };
}

/** Exact betweenness, as the share of the pairs of other nodes (0 to 1). */
function normalizedBetweenness(graph: Graph): Record<string, number> {
  return graph.order > 2 ? betweennessCentrality(graph, { normalized: true }) : Object.fromEntries(graph.nodes().map((id) => [id, 0]));
}

/**
 * Brandes' algorithm from `samples` sources drawn at random (Brandes & Pich 2007), scaled to the
 * whole graph: the estimate the API and the page say is one past the exact algorithm's size. On
 * typed arrays over an index of the nodes (graphology-metrics has no sampled version): one
 * breadth-first search and one back-propagation per source, O(edges) each.
 */
function sampledBetweenness(graph: Graph, samples: number, rng: () => number): Record<string, number> {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(n + 1);
  ids.forEach((id, i) => (offsets[i + 1] = offsets[i]! + graph.degree(id)));
  const adjacency = new Int32Array(offsets[n]!);
  ids.forEach((id, i) => {
    let at = offsets[i]!;
    graph.forEachNeighbor(id, (other) => void (adjacency[at++] = index.get(other)!));
  });
  const score = new Float64Array(n);
  const distance = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(samples, n)) chosen.add(Math.floor(rng() * n));
  for (const source of chosen) {
    distance.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    distance[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = order[head]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = adjacency[e]!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k]!;
      for (let e = offsets[w]!; e < offsets[w + 1]!; e++) {
        const v = adjacency[e]!;
        if (distance[v] === distance[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      score[w]! += delta[w]!;
    }
  }
  // Undirected pairs are counted twice; scaled from the sample to all sources; normalised like the exact one.
  const scale = n > 2 ? n / chosen.size / 2 / (((n - 1) * (n - 2)) / 2) : 0;
  return Object.fromEntries(ids.map((id, i) => [id, score[i]! * scale]));
}

/** Values by how often they occur, most frequent first (then alphabetically). */
function frequent(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

/** A seeded generator (mulberry32): the same seed, the same numbers. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
