import type { Driver } from "neo4j-driver";
import { keyOfEntity, relationshipKey } from "../../core/change-keys.ts";
import { givenPropertiesOf, kindOf, type RelationshipType } from "../../core/model/index.ts";
import type { LoadPlan } from "../build-load-plan.ts";
import type { ChangeInput, OperationInput } from "./change-input.ts";
import type { Actor, Changes } from "./change-service.ts";
import { GraphReader } from "./graph-reader.ts";

/**
 * `import --propose` and `extract --propose`: a validated plan (an import, a fiche's draft) becomes
 * one change held for review instead of being written — what the graph lacks is created, what it
 * holds otherwise is updated (naming the version read), what it holds already is left out.
 */
export async function proposePlan(
  driver: Driver,
  database: string,
  plan: LoadPlan,
  service: Changes,
  author: string | Actor, // a tool's name ("extract:alice"), or the page's user
  kind: "import" | "extract",
  onlyFile?: string, // propose only what this file of the plan states (a draft checked with the rest of seeds/data)
  mode: "propose" | "apply" = "propose", // an editor in the page may apply at once
): Promise<{ id: string; operations: number; status: string } | undefined> {
  const change = await changeOfPlan(driver, database, plan, onlyFile);
  if (change.operations.length === 0) return undefined;
  const actor = typeof author === "string" ? { username: author, role: "tool" } : author;
  const record = mode === "apply" ? await service.apply(change, actor, kind) : await service.hold(change, actor, kind);
  return { id: record.id, operations: change.operations.length, status: record.status };
}

async function changeOfPlan(driver: Driver, database: string, plan: LoadPlan, onlyFile: string | undefined): Promise<ChangeInput> {
  const inFile = (item: { file: string }) => onlyFile === undefined || item.file === onlyFile;
  // Sources by the facts they state: the change's is the one that states most (the fiche, the file);
  // the others (the COG behind a commune's code) are named at their operations.
  const counts = new Map<string, number>();
  const count = (source: string | undefined) => source && counts.set(source, (counts.get(source) ?? 0) + 1);
  for (const { entities } of plan.nodes)
    for (const entity of entities) for (const block of entity.blocks) if (entity.label !== "Source" && inFile(block)) count(block.source);
  for (const group of plan.relationships) for (const r of group.relationships) if (inFile(r)) count(r.source);
  if (counts.size === 0) throw new Error("a proposal has a source; this file states no fact with one");
  const created = new Set(
    plan.nodes.filter((n) => n.label === "Source").flatMap((n) => n.entities.filter((e) => e.blocks.some(inFile)).map((e) => e.slug)),
  );
  const source = [...counts].sort((a, b) => Number(created.has(b[0])) - Number(created.has(a[0])) || b[1] - a[1])[0]![0];
  const own = (other: string | undefined) => (other && other !== source ? { source: other } : {});

  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(async (tx) => {
      const graph = new GraphReader(tx);
      const operations: OperationInput[] = [];
      for (const { label, entities } of plan.nodes) {
        for (const entity of entities) {
          const blocks = entity.blocks.filter(inFile);
          if (blocks.length === 0) continue;
          const entityRef = { kind: kindOf[label], slug: entity.slug };
          const quotes = [...new Set(blocks.flatMap((block) => block.quotes))];
          const current = await graph.entity(label, entity.slug);
          if (!current) {
            operations.push({ op: "CREATE_ENTITY", entity: entityRef, properties: entity.props, quotes, ...own(blocks[0]!.source) });
            continue;
          }
          const given = givenPropertiesOf(label);
          const stated = Object.assign({}, ...blocks.map((block) => block.props)) as Record<string, unknown>;
          const changed = Object.fromEntries(
            Object.entries(stated).filter(
              ([name, value]) => name in given && JSON.stringify(value) !== JSON.stringify(current.props[name] ?? null),
            ),
          );
          if (Object.keys(changed).length === 0) continue;
          const version = (await graph.changesTouching([keyOfEntity(label, entity.slug)])).length;
          operations.push({ op: "UPDATE_ENTITY", entity: entityRef, version, properties: changed, quotes, ...own(blocks[0]!.source) });
        }
      }
      for (const group of plan.relationships) {
        for (const r of group.relationships) {
          if (!inFile(r)) continue;
          const from = { label: r.fromLabel, slug: r.fromSlug };
          const to = { label: r.toLabel, slug: r.toSlug };
          const key = relationshipKey(group.type as RelationshipType, from, to, r.props);
          const existing = await graph.relationships(group.type, from, to);
          if (existing.some((e) => relationshipKey(group.type as RelationshipType, from, to, e.props) === key)) continue;
          operations.push({
            op: "CREATE_RELATIONSHIP",
            relationship: {
              type: group.type,
              from: { kind: kindOf[from.label], slug: from.slug },
              to: { kind: kindOf[to.label], slug: to.slug },
              properties: r.props,
            },
            ...(r.quote ? { quote: r.quote } : {}),
            ...own(r.source),
          });
        }
      }
      return { operations, source: { slug: source } };
    });
  } finally {
    await session.close();
  }
}
