import neo4j from "neo4j-driver";
import { readQuery as readCypher } from "../../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { checkRange } from "../bad-user-input.ts";
import { parseElementRow, toElements } from "./elements.ts";
import { readQuery, type Services } from "./services.ts";

/** overview(limit): the most connected entities and the relationships among them, as Cytoscape elements. */
export async function overview(services: Services, args: { limit?: number | null }) {
  const limit = args.limit ?? 1500;
  checkRange("limit", limit, 1, 20000);
  const [[row], [version]] = await Promise.all([
    readQuery<{ nodes: string; relationships: string; total: number }>(services, fillQuery("queries/overview", {}), {
      limit: neo4j.int(limit),
    }),
    readQuery<{ version: string }>(services, readCypher("queries/graph-version"), {}),
  ]);
  const { nodes, relationships } = row ? parseElementRow(row) : { nodes: [], relationships: [] };
  const elements = toElements(nodes, relationships, (row?.total ?? 0) > limit);
  if (services.layouts && elements.nodes.length > 0) {
    // Network positions computed once per graph version and slice, off the event loop; while edits
    // stream in, the last layout's (a newcomer goes beside a neighbour that has one).
    const edges = elements.edges.map((e) => [String(e.data.source), String(e.data.target)] as [string, string]);
    const positions = await services.layouts.positions(String(limit), String(version?.version ?? 0), {
      nodes: elements.nodes.map((n) => String(n.data.id)),
      edges,
    });
    placeNewcomers(elements.nodes, edges, positions);
  }
  return { ...elements, total: row?.total ?? 0 };
}

/** Each node its layout position; one the layout has not seen yet goes next to a neighbour that has one, else at the middle. */
function placeNewcomers(
  nodes: { data: Record<string, unknown>; position?: { x: number; y: number } }[],
  edges: [string, string][],
  positions: Record<string, { x: number; y: number }>,
): void {
  const known = Object.values(positions);
  const middle = known.length
    ? { x: known.reduce((sum, p) => sum + p.x, 0) / known.length, y: known.reduce((sum, p) => sum + p.y, 0) / known.length }
    : { x: 0, y: 0 };
  nodes.forEach((node, index) => {
    const id = String(node.data.id);
    if (positions[id]) return void (node.position = positions[id]);
    const neighbour = edges.map(([a, b]) => (a === id ? b : b === id ? a : undefined)).find((other) => other && positions[other]);
    const anchor = neighbour ? positions[neighbour]! : middle;
    const angle = index * 2.399963; // the golden angle: newcomers around one anchor do not overlap
    node.position = { x: anchor.x + 40 * Math.cos(angle), y: anchor.y + 40 * Math.sin(angle) };
  });
}
