import type { Driver, ManagedTransaction } from "neo4j-driver";
import { readQuery } from "../core/neo4j/cypher-files.ts";
import { nodeRow, provenanceRows, relationshipRow, type LoadPlan } from "./build-load-plan.ts";
import { mergeNodesQuery, mergeProvenanceQuery, mergeRelationshipsQuery } from "./load-queries.ts";
import { keyOfEntity, relationshipKey } from "../core/change-keys.ts";
import type { RelationshipType } from "../core/model/index.ts";
import type { ResolvedRelationship } from "./resolve-relationships.ts";

const BATCH_SIZE = 10_000;

export interface WriteResult {
  nodes: number;
  relationships: number;
  provenance: number;
  pruned: number; // relationships the seed files no longer state, removed
  keptEdits: number; // entities and relationships the files state but changes made in the page edited: left as they are
  timings: { writeMs: number; commitMs: number; searchRefreshMs: number };
}

/**
 * Writes the plan in one transaction, with batched UNWIND … MERGE: either all of it lands or
 * none of it. With `prune`, relationships loaded earlier from the same sources that the files no
 * longer state are removed, so that the graph says what the files say: they are marked first,
 * writing a relationship unmarks it (SET r = …), and what is still marked at the end goes —
 * all inside the database, nothing read back. Into an empty graph, CREATE replaces MERGE.
 */
export async function writeLoadPlan(driver: Driver, database: string, plan: LoadPlan, prune: boolean): Promise<WriteResult> {
  const session = driver.session({ database });
  const started = performance.now();
  let wrote = started;
  try {
    const result = await session.executeWrite(async (tx) => {
      const result: WriteResult = {
        nodes: 0,
        relationships: 0,
        provenance: 0,
        pruned: 0,
        keptEdits: 0,
        timings: { writeMs: 0, commitMs: 0, searchRefreshMs: 0 },
      };
      const empty = (await tx.run(readQuery("load/graph-is-empty"))).records[0]?.get("empty") === true;
      // After edits in the page the graph is the master copy: what changes touched is left as they made it.
      const edited = new Set<string>(empty ? [] : ((await tx.run(readQuery("changes/edited-keys"))).records[0]?.get("keys") ?? []));
      if (prune && !empty) await tx.run(readQuery("load/mark-loaded"), { sources: plan.sources, edited: [...edited] });
      const pipeline = new BatchPipeline(tx);
      const nodes = plan.nodes.map(({ label, entities }) => {
        const kept = edited.size ? entities.filter((entity) => !edited.has(keyOfEntity(label, entity.slug))) : entities;
        result.keptEdits += entities.length - kept.length;
        return { label, entities: kept };
      });
      for (const { label, entities } of nodes) {
        result.nodes += await pipeline.send(mergeNodesQuery(label, empty), entities, (entity) => [nodeRow(plan, entity)]);
      }
      await pipeline.drain(); // relationships need their ends
      for (const group of plan.relationships) {
        const from = (r: ResolvedRelationship) => ({ label: group.fromLabel, slug: r.fromSlug });
        const to = (r: ResolvedRelationship) => ({ label: group.toLabel, slug: r.toSlug });
        const kept = edited.size
          ? group.relationships.filter((r) => !edited.has(relationshipKey(group.type as RelationshipType, from(r), to(r), r.props)))
          : group.relationships;
        result.keptEdits += group.relationships.length - kept.length;
        result.relationships += await pipeline.send(
          mergeRelationshipsQuery(group.type, group.fromLabel, group.toLabel, empty),
          kept,
          (r) => [relationshipRow(r)],
        );
      }
      for (const { label, entities } of nodes) {
        if (label === "Source") continue;
        result.provenance += await pipeline.send(mergeProvenanceQuery(label, empty), entities, (entity) => provenanceRows(plan, entity));
      }
      await pipeline.drain();
      if (prune && !empty) {
        const swept = await tx.run(readQuery("load/sweep-unstated"));
        result.pruned = Number(swept.records[0]?.get("pruned") ?? 0);
      }
      await tx.run(readQuery("load/bump-graph-version"));
      wrote = performance.now();
      return result;
    });
    const committed = performance.now();
    // The fulltext index is refreshed just after the commit; wait for it, so that search finds what was loaded.
    await session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()");
    result.timings = {
      writeMs: Math.round(wrote - started),
      commitMs: Math.round(committed - wrote),
      searchRefreshMs: Math.round(performance.now() - committed),
    };
    return result;
  } finally {
    await session.close();
  }
}

/**
 * Sends batches of rows, the next one prepared and sent while Neo4j works on the one before
 * (Bolt pipelines the queries of a transaction, which runs them in order): only two batches of
 * rows exist at a time.
 */
class BatchPipeline {
  private inFlight: { done: Promise<unknown>; rows: unknown[] } | undefined;

  constructor(private readonly tx: ManagedTransaction) {}

  async send<T>(query: string, items: T[], toRows: (item: T) => unknown[]): Promise<number> {
    let written = 0;
    for (let start = 0; start < items.length; start += BATCH_SIZE) {
      const rows = items.slice(start, start + BATCH_SIZE).flatMap(toRows);
      const done = this.tx.run(query, { rows }).summary();
      await this.drain();
      this.inFlight = { done, rows };
      written += rows.length;
    }
    return written;
  }

  async drain(): Promise<void> {
    if (!this.inFlight) return;
    const { done, rows } = this.inFlight;
    this.inFlight = undefined;
    await done;
    // The driver keeps each query's parameters until the transaction ends: empty them, or every
    // batch of a 100 000-entity load would stay in memory until the commit.
    rows.length = 0;
  }
}
