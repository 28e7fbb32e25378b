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
    // Network positions computed once per graph version and slice, off the event loop.
    const positions = await services.layouts.positions(`${version?.version ?? 0}:${limit}`, {
      nodes: elements.nodes.map((n) => String(n.data.id)),
      edges: elements.edges.map((e) => [String(e.data.source), String(e.data.target)]),
    });
    for (const node of elements.nodes) node.position = positions[String(node.data.id)];
  }
  return { ...elements, total: row?.total ?? 0 };
}
