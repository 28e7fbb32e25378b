import neo4j from "neo4j-driver";
import { checkedLabel, fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { badUserInput, checkRange } from "../bad-user-input.ts";
import { labelOf, type Kind } from "../../../core/model/index.ts";
import { assertEntityExists } from "./entity-exists.ts";
import { parseElementRow, toElements, type Elements } from "./elements.ts";
import { readQuery, type Services } from "./services.ts";

/** paths(from, to): every shortest path between two entities (at most 6 hops), as one set of elements. */
export async function paths(
  services: Services,
  args: { fromKind: Kind; fromSlug: string; toKind: Kind; toSlug: string; limit?: number | null },
): Promise<Elements> {
  const limit = args.limit ?? 5;
  checkRange("limit", limit, 1, 50);
  // Neo4j's shortestPath refuses a path from a node to itself; it is the caller's mistake, said so.
  if (args.fromKind === args.toKind && args.fromSlug === args.toSlug) throw badUserInput("same-entity", { argument: "toSlug" }, "toSlug");
  const query = fillQuery("queries/paths", {
    __FROM__: checkedLabel(labelOf[args.fromKind]),
    __TO__: checkedLabel(labelOf[args.toKind]),
  });
  const rows = await readQuery<{ nodes: string; relationships: string }>(services, query, {
    fromSlug: args.fromSlug,
    toSlug: args.toSlug,
    limit: neo4j.int(limit),
  });
  if (rows.length === 0) {
    await assertEntityExists(services, args.fromKind, args.fromSlug, "fromSlug");
    await assertEntityExists(services, args.toKind, args.toSlug, "toSlug");
  }
  const parsed = rows.map(parseElementRow);
  return toElements(
    parsed.flatMap((row) => row.nodes),
    parsed.flatMap((row) => row.relationships),
    rows.length >= limit,
  );
}
