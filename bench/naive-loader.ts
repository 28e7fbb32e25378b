import type { Driver } from "neo4j-driver";
import { nodeRow, provenanceRows, relationshipRow, type LoadPlan } from "../seeds/build-load-plan.ts";
import { checkedLabel } from "../core/neo4j/cypher-template.ts";

/**
 * The obvious loader, for comparison: one MERGE per node and per relationship, each its own query
 * (all in one transaction, which is the most favourable way to run it). Loads the first `rows`
 * rows of the plan and says how long it took.
 */
export async function naiveLoad(driver: Driver, plan: LoadPlan, rows: number): Promise<{ rows: number; ms: number }> {
  const session = driver.session();
  const started = performance.now();
  let done = 0;
  try {
    await session.executeWrite(async (tx) => {
      for (const { label, entities } of plan.nodes) {
        for (const entity of entities) {
          if (done >= rows * 0.3) break;
          const row = nodeRow(plan, entity);
          await tx.run(`MERGE (n:${checkedLabel(label)} {slug: $slug}) SET n = $props`, { slug: row.slug, props: row.props });
          done++;
        }
      }
      for (const group of plan.relationships) {
        for (const relationship of group.relationships) {
          if (done >= rows * 0.85) break;
          const row = relationshipRow(relationship);
          await tx.run(
            `MATCH (a:${checkedLabel(group.fromLabel)} {slug: $from}) MATCH (b:${checkedLabel(group.toLabel)} {slug: $to}) MERGE (a)-[r:${group.type}]->(b) SET r = $props`,
            row,
          );
          done++;
        }
      }
      for (const { label, entities } of plan.nodes) {
        if (label === "Source") continue;
        for (const entity of entities) {
          if (done >= rows) break;
          for (const p of provenanceRows(plan, entity)) {
            await tx.run(
              `MATCH (n:${checkedLabel(label)} {slug: $slug}) MATCH (s:Source {slug: $source}) MERGE (n)-[p:SOURCED_FROM]->(s) SET p.fields = $fields, p.quotes = $quotes`,
              p,
            );
            done++;
          }
        }
      }
    });
  } finally {
    await session.close();
  }
  return { rows: done, ms: performance.now() - started };
}
