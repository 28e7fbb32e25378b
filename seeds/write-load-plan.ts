import type { Driver, ManagedTransaction } from "neo4j-driver";
import { readQuery } from "../server/neo4j/cypher-files.ts";
import type { LoadPlan } from "./build-load-plan.ts";
import { mergeNodesQuery, mergeProvenanceQuery, mergeRelationshipsQuery } from "./load-queries.ts";
import { relationshipKinds } from "./model.ts";

const BATCH_SIZE = 5000;

export interface WriteResult {
  nodes: number;
  relationships: number;
  provenance: number;
  pruned: number; // relationships the seed files no longer state, removed
}

/**
 * Writes the plan in one transaction, with batched UNWIND … MERGE: either all of it lands or
 * none of it. With `prune`, relationships loaded earlier from the same sources that the files no
 * longer state are removed, so that the graph says what the files say.
 */
export async function writeLoadPlan(driver: Driver, database: string, plan: LoadPlan, prune: boolean): Promise<WriteResult> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const result: WriteResult = { nodes: 0, relationships: 0, provenance: 0, pruned: 0 };
      for (const { label, rows } of plan.nodes) result.nodes += await runBatches(tx, mergeNodesQuery(label), rows);
      for (const group of plan.relationships) {
        result.relationships += await runBatches(tx, mergeRelationshipsQuery(group.type, group.fromLabel, group.toLabel), group.rows);
      }
      for (const { label, rows } of plan.provenance) result.provenance += await runBatches(tx, mergeProvenanceQuery(label), rows);
      if (prune) result.pruned = await pruneUnstated(tx, plan);
      return result;
    });
  } finally {
    await session.close();
  }
}

async function runBatches(tx: ManagedTransaction, query: string, rows: unknown[]): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.run(query, { rows: rows.slice(start, start + BATCH_SIZE) });
  }
  return rows.length;
}

async function pruneUnstated(tx: ManagedTransaction, plan: LoadPlan): Promise<number> {
  const stated = new Set<string>();
  for (const group of plan.relationships) {
    for (const row of group.rows) stated.add(identity(group.type, group.fromLabel, row.from, group.toLabel, row.to, group.key.map((k) => row.props[k])));
  }
  for (const { label, rows } of plan.provenance) {
    for (const row of rows) stated.add(identity("SOURCED_FROM", label, row.slug, "Source", row.source, []));
  }
  const loaded = await tx.run(readQuery("load/loaded-relationships"), { sources: plan.sources });
  const unstated = loaded.records
    .filter((r) => {
      const type = r.get("type") as string;
      const props = r.get("props") as Record<string, unknown>;
      const key = (relationshipKinds[type]?.key ?? []).map((k) => props[k]);
      return !stated.has(identity(type, r.get("fromLabel"), r.get("from"), r.get("toLabel"), r.get("to"), key));
    })
    .map((r) => r.get("id") as string);
  if (unstated.length > 0) await tx.run(readQuery("load/delete-relationships"), { ids: unstated });
  return unstated.length;
}

function identity(type: string, fromLabel: string, from: string, toLabel: string, to: string, key: unknown[]): string {
  return JSON.stringify([type, fromLabel, from, toLabel, to, ...key]);
}
