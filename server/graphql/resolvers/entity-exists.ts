import { checkedLabel, fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { badUserInput } from "../bad-user-input.ts";
import { labelOf, type Kind } from "../../../core/model/index.ts";
import { readQuery, type Services } from "./services.ts";

/** Throws BAD_USER_INPUT naming the argument when no entity of that kind has that slug. */
export async function assertEntityExists(services: Services, kind: Kind, slug: string, argument: string): Promise<void> {
  const query = fillQuery("queries/entity-exists", { __LABEL__: checkedLabel(labelOf[kind]) });
  const [row] = await readQuery<{ exists: boolean }>(services, query, { slug });
  if (!row?.exists) throw badUserInput("entity-not-found", { kind, slug }, argument);
}
