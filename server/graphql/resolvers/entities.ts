import { fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { badUserInput } from "../bad-user-input.ts";
import { labelOf, type Kind } from "../../../core/model/index.ts";
import { parseElementRow, toElements, type Elements } from "./elements.ts";
import { readQuery, type Services } from "./services.ts";

/** entities(refs): given entities and the relationships among them, as Cytoscape elements. */
export async function entities(services: Services, args: { refs: { kind: Kind; slug: string }[] }): Promise<Elements> {
  if (args.refs.length > 1000) throw badUserInput("too-many", { argument: "refs", max: 1000 }, "refs");
  const refs = args.refs.map((ref) => ({ label: labelOf[ref.kind], slug: ref.slug }));
  const [row] = await readQuery<{ nodes: string; relationships: string }>(services, fillQuery("queries/entities", {}), { refs });
  if (!row) return toElements([], [], false);
  const { nodes, relationships } = parseElementRow(row);
  return toElements(nodes, relationships, false);
}
