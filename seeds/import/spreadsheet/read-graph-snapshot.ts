import type { Driver } from "neo4j-driver";
import { checkedLabel, fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { labelOf, type Kind, type Label } from "../../../core/model/index.ts";
import { plain } from "../../changes/graph-reader.ts";
import { columnTargets } from "../../../core/model/column-targets.ts";
import type { MappedColumn } from "./guess-mapping.ts";
import type { GraphSnapshot } from "./graph-snapshot.ts";

/**
 * The graph as an import of rows of this kind needs it: the entities of that kind, of the kinds its
 * link columns name, and the territories (rows are placed in them). One read transaction.
 */
export async function readGraphSnapshot(
  driver: Driver,
  database: string,
  kind: Kind,
  columns: MappedColumn[],
  timeoutMs?: number,
): Promise<GraphSnapshot> {
  const labels = new Set<Label>([labelOf[kind], "Territory"]);
  for (const target of columnTargets(kind))
    if (target.group === "link" && columns.some((c) => c.target === target.key)) for (const other of target.otherKinds) labels.add(other);
  return readSnapshotOf(driver, database, [...labels], timeoutMs);
}

/** The entities of these labels (a fiche is drafted against all of them). */
export async function readSnapshotOf(driver: Driver, database: string, labels: Label[], timeoutMs?: number): Promise<GraphSnapshot> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(
      async (tx) => {
        const entities: GraphSnapshot["entities"] = [];
        for (const label of labels) {
          const { records } = await tx.run(fillQuery("import/snapshot", { __LABEL__: checkedLabel(label) }));
          for (const record of records)
            entities.push({
              label,
              slug: record.get("slug") as string,
              props: plain(record.get("props") as Record<string, unknown>),
              relationships: (record.get("relationships") as GraphSnapshot["entities"][number]["relationships"]).map((r) => ({
                ...r,
                props: plain(r.props),
              })),
            });
        }
        return { entities };
      },
      timeoutMs ? { timeout: timeoutMs } : undefined,
    );
  } finally {
    await session.close();
  }
}
