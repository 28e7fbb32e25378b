import neo4j from "neo4j-driver";
import { checkedLabel, fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { badUserInput, checkRange } from "../bad-user-input.ts";
import { labelOf, type Kind } from "../../../core/model/index.ts";
import { parseElementRow, toElements, type Elements } from "./elements.ts";
import { readQuery, type Services } from "./services.ts";

// How far a neighbourhood spreads: every relationship of the entity itself (up to 500), then at
// most 12 from each neighbour, so that a hub territory with thousands does not flood the page.
const FIRST_HOP = 500;
const PER_NODE = 12;

/** neighbourhood(kind, slug, depth, limit): an entity and its neighbours as Cytoscape.js elements. */
export async function neighbourhood(
  services: Services,
  args: { kind: Kind; slug: string; depth?: number | null; limit?: number | null },
): Promise<Elements> {
  const depth = args.depth ?? 1;
  const limit = args.limit ?? 500;
  checkRange("depth", depth, 1, 3);
  checkRange("limit", limit, 1, 5000);
  const query = fillQuery("queries/neighbourhood", { __LABEL__: checkedLabel(labelOf[args.kind]) });
  const rows = await readQuery<{ nodes: string; relationships: string }>(services, query, {
    slug: args.slug,
    depth: neo4j.int(depth),
    limit: neo4j.int(limit),
    firstHop: neo4j.int(Math.min(FIRST_HOP, limit)),
    perNode: neo4j.int(PER_NODE),
  });
  if (rows.length === 0) throw badUserInput("entity-not-found", { kind: args.kind, slug: args.slug }, "slug");
  const { nodes, relationships } = parseElementRow(rows[0]!);
  return toElements(nodes, relationships, nodes.length >= limit);
}
