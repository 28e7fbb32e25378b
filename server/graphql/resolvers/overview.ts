import neo4j from "neo4j-driver";
import { readQuery as readCypher } from "../../neo4j/cypher-files.ts";
import { badUserInput } from "../bad-user-input.ts";
import { toElements, type NodeRow, type RelationshipRow } from "./elements.ts";
import { readQuery, type Services } from "./services.ts";

/** overview(limit): the most connected entities and the relationships among them, as Cytoscape elements. */
export async function overview(services: Services, args: { limit?: number | null }) {
  const limit = args.limit ?? 1500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 20000) throw badUserInput(`limit must be between 1 and 20000, not ${limit}`, "limit");
  const [row] = await readQuery<{ nodes: NodeRow[]; relationships: RelationshipRow[]; total: number }>(services, readCypher("queries/overview"), { limit: neo4j.int(limit) });
  const elements = toElements(row?.nodes ?? [], row?.relationships ?? [], (row?.total ?? 0) > limit);
  return { ...elements, total: row?.total ?? 0 };
}
