import { describe, expect, it } from "vitest";
import { computeMetrics, type MetricsInput, type MetricsNode } from "../../server/metrics/compute-metrics.ts";

const node = (id: string, extra: Partial<MetricsNode> = {}): MetricsNode => ({
  id,
  name: id,
  regions: [],
  cohorts: [],
  themes: [],
  ...extra,
});

/** 0 - 1 - 2 - 3 - 4 */
const path: MetricsInput = {
  nodes: ["p0", "p1", "p2", "p3", "p4"].map((id) => node(id)),
  ties: [
    ["p0", "p1"],
    ["p1", "p2"],
    ["p2", "p3"],
    ["p3", "p4"],
  ],
};
/** a hub and six leaves */
const star: MetricsInput = {
  nodes: ["hub", "l1", "l2", "l3", "l4", "l5", "l6"].map((id) => node(id)),
  ties: ["l1", "l2", "l3", "l4", "l5", "l6"].map((leaf) => ["hub", leaf] as [string, string]),
};
/** two cliques of five, a0-a4 in Hauts-de-France and b0-b4 in Grand Est, joined by one bridge a0 - b0 */
const clique = (prefix: string, region: string, theme: string) => {
  const ids = [0, 1, 2, 3, 4].map((i) => `${prefix}${i}`);
  return {
    nodes: ids.map((id) => node(id, { regions: [region], themes: [theme], cohorts: [`cohort-${prefix}`] })),
    ties: ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as [string, string])),
  };
};
const a = clique("a", "Hauts-de-France", "alimentation");
const b = clique("b", "Grand Est", "mobilité");
const bridged: MetricsInput = { nodes: [...a.nodes, ...b.nodes], ties: [...a.ties, ...b.ties, ["a0", "b0"]] };

describe("network metrics (graphology)", () => {
  it("on a path: degrees 1, 2, 2, 2, 1; betweenness highest in the middle (exactly 4/6 of the pairs of others)", () => {
    const { nodes } = computeMetrics(path);
    expect([...nodes.values()].map((m) => m.degree)).toEqual([1, 2, 2, 2, 1]);
    // p2 is on every shortest path between {p0, p1} and {p3, p4}: 4 of the 6 pairs of the others.
    expect(nodes.get("p2")!.betweenness).toBeCloseTo(4 / 6, 10);
    // p1 is on p0's paths to p2, p3, p4: 3 of 6.
    expect(nodes.get("p1")!.betweenness).toBeCloseTo(3 / 6, 10);
    expect(nodes.get("p0")!.betweenness).toBe(0);
  });

  it("on a star: the hub lies on every path between leaves (betweenness 1), the leaves on none", () => {
    const { nodes, brokers } = computeMetrics(star);
    expect(nodes.get("hub")).toMatchObject({ degree: 6, betweenness: 1 });
    for (const leaf of ["l1", "l2", "l3", "l4", "l5", "l6"]) expect(nodes.get(leaf)).toMatchObject({ degree: 1, betweenness: 0 });
    // Everything in one group: no tie spans two, so nobody brokers between groups.
    expect(brokers.every((broker) => broker.id === "hub")).toBe(true);
  });

  it("on two cliques joined by a bridge: two communities, and the bridge's ends are the top brokers, spanning both", () => {
    const metrics = computeMetrics(bridged);
    expect(metrics.communities.map((c) => c.size)).toEqual([5, 5]);
    const communityOf = (id: string) => metrics.nodes.get(id)!.community;
    expect(new Set(a.nodes.map((n) => communityOf(n.id))).size).toBe(1);
    expect(new Set(b.nodes.map((n) => communityOf(n.id))).size).toBe(1);
    expect(communityOf("a0")).not.toBe(communityOf("b0"));
    expect(metrics.brokers.map((broker) => broker.id)).toEqual(["a0", "b0"]);
    expect(metrics.brokers[0]!.spans).toEqual({ communities: 2, regions: 2, cohorts: 2 });
    // a0 is on the paths between a1..a4 and b0..b4: 20 of the 36 pairs of the others.
    expect(metrics.nodes.get("a0")!.betweenness).toBeCloseTo(20 / 36, 10);
    // Names come from the most central members and the themes.
    expect(metrics.communities.map((c) => c.name).sort()).toEqual(["a0, a1 — alimentation", "b0, b1 — mobilité"]);
    expect(metrics.betweennessSampled).toBe(false);
  });

  it("is deterministic: the same graph, in any order, gives the same output twice", () => {
    const shuffled: MetricsInput = { nodes: [...bridged.nodes].reverse(), ties: [...bridged.ties].reverse().map(([x, y]) => [y, x]) };
    const first = computeMetrics(bridged);
    const again = computeMetrics(bridged);
    const other = computeMetrics(shuffled);
    for (const result of [again, other]) {
      expect([...result.nodes].sort()).toEqual([...first.nodes].sort());
      expect(result.communities).toEqual(first.communities);
      expect(result.brokers).toEqual(first.brokers);
    }
  });

  it("past the exact size, estimates betweenness from a sample, says so, and keeps the order of the exact one at the top", () => {
    const exact = computeMetrics(bridged);
    const estimate = computeMetrics(bridged, { exactUpTo: 5, samples: 10 });
    expect(estimate.betweennessSampled).toBe(true);
    // With every node sampled as a source, the estimate is the exact value.
    for (const [id, m] of exact.nodes) expect(estimate.nodes.get(id)!.betweenness).toBeCloseTo(m.betweenness, 10);
    const partial = computeMetrics(bridged, { exactUpTo: 5, samples: 6 });
    expect(
      partial.brokers
        .slice(0, 2)
        .map((broker) => broker.id)
        .sort(),
    ).toEqual(["a0", "b0"]);
  });

  it("ignores repeated ties, self ties and ties to unknown entities; an empty graph gives empty answers", () => {
    const noisy = computeMetrics({ nodes: path.nodes, ties: [...path.ties, ["p1", "p0"], ["p2", "p2"], ["p4", "ghost"]] });
    expect([...noisy.nodes.values()].map((m) => m.degree)).toEqual([1, 2, 2, 2, 1]);
    expect(computeMetrics({ nodes: [], ties: [] })).toMatchObject({ communities: [], brokers: [] });
  });
});
