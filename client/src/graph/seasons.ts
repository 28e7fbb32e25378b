import type { EdgeSingular, NodeSingular } from "cytoscape";

/** The season an edge belongs to: its own, or that of the cohort it points to. */
export function edgeSeason(edge: EdgeSingular): number | null {
  const own = edge.data("season") as number | null | undefined;
  if (own) return own;
  const target = edge.target();
  return target.data("kind") === "cohort" ? ((target.data("season") as number | undefined) ?? null) : null;
}

/** The seasons a node took part in: a cohort's own, else those of its edges. */
export function nodeSeasons(node: NodeSingular): number[] {
  const seasons = new Set<number>();
  if (node.data("kind") === "cohort" && node.data("season")) seasons.add(node.data("season") as number);
  node.connectedEdges().forEach((edge) => {
    const season = edgeSeason(edge);
    if (season) seasons.add(season);
  });
  return [...seasons].sort((a, b) => a - b); // numbers: season 10 after season 9
}
