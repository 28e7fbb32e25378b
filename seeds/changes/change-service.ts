import { randomUUID } from "node:crypto";
import { Mutex } from "async-mutex";
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import type { Label } from "../../core/model/index.ts";
import { maxImportOperations, type FieldProblem, type ChangeInput } from "./change-input.ts";
import { createChangeRecord, readChangeRecords, updateChangeRecord, type ChangeKind, type ChangeRecord } from "./change-record.ts";
import { effectsOf, inverseOf, MissingEnd, touchesSearch, writeEffects, type Effect } from "./effects.ts";
import { GraphReader } from "./graph-reader.ts";
import { keyOfEntity } from "../../core/change-keys.ts";
import { planChange } from "./plan-change.ts";
import { appliedRecord, emptyRecord } from "./new-records.ts";
import { laterConflicts } from "./revert-conflicts.ts";

/** Who makes or reviews a change. */
export interface Actor {
  username: string;
  role: string; // an account's role, or "visitor"
}

/** A change that cannot be made, with every reason at the field it concerns. Nothing was written. */
export class ChangeRefused extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    this.name = "ChangeRefused";
  }
}

/** A change that is not in the state the action needs (accepting an applied change, reverting twice…). */
export class ChangeStateError extends Error {
  constructor(
    readonly id: string,
    readonly status: "missing" | "pending" | "applied" | "rejected" | "reverted",
  ) {
    super(status === "missing" ? `no change has the id ${id}` : `change ${id} is ${status}`);
    this.name = "ChangeStateError";
  }
}

/** What the API and the imports ask of the change service (server/changes/change-thread.ts runs it in a worker thread). */
export type Changes = Pick<
  ChangeService,
  "apply" | "hold" | "accept" | "reject" | "revert" | "get" | "pending" | "pendingCount" | "history"
>;

/**
 * Every write of the graph, whatever its origin: a change is validated (planChange), then either
 * applied — its writes, its record (who, when, source, before and after) and the graph's version
 * in one transaction — or held for review. Reverting applies a change's effects inverted.
 */
export class ChangeService {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly gazetteer: Gazetteer,
    private readonly sourcesDir: string,
    /** Web requests pass their deadline; the tools (import, extract) run without one. */
    private readonly timeoutMs?: number,
  ) {}

  private readonly writes = new Mutex();

  /** Validates and applies at once (an editor's change, or an accepted one). */
  async apply(input: ChangeInput, author: Actor, kind: ChangeKind, note?: string): Promise<ChangeRecord> {
    const id = randomUUID();
    return this.write(async (tx) => {
      const seq = await lockGraph(tx);
      const { effects, sourceSlug } = await this.planEffects(tx, input, author, id, kind);
      await writeEffects(tx, effects);
      const record = await createChangeRecord(tx, {
        ...appliedRecord(id, input, author, kind, effects, seq),
        sourceSlug,
        note: note ?? input.note ?? undefined,
      });
      return { effects, record };
    }, input.operations?.length);
  }

  /** Validates and keeps for review (a contributor's proposal, a visitor's suggestion, an import or extract --propose). */
  async hold(input: ChangeInput, author: Actor, kind: ChangeKind): Promise<ChangeRecord> {
    const id = randomUUID();
    return this.write(async (tx) => {
      const planned = await planChange(input, new GraphReader(tx), this.planOptions(author, kind));
      if (!planned.plan) throw new ChangeRefused(planned.problems);
      const record = await createChangeRecord(tx, {
        ...emptyRecord(id, input, author, kind),
        status: "pending",
        sourceSlug: input.source.slug ?? undefined,
        keys: planned.plan.entityWrites
          .map((w) => keyOfEntity(w.label, w.slug))
          .concat(planned.plan.entityDeletes.map((d) => keyOfEntity(d.label, d.slug))),
        mentions: planned.plan.relationshipCreates
          .concat(planned.plan.relationshipDeletes)
          .flatMap((r) => [keyOfEntity(r.from.label, r.from.slug), keyOfEntity(r.to.label, r.to.slug)]),
      });
      return { effects: [], record }; // held: nothing written to the graph
    }, input.operations?.length);
  }

  /** Applies a pending change, re-validated against the graph as it is now. */
  async accept(id: string, reviewer: Actor, comment: string | undefined): Promise<ChangeRecord> {
    const operations = (await this.get(id))?.input.operations?.length; // for its deadline: an import's is long
    return this.write(async (tx) => {
      const [change] = await readChangeRecords(tx, { id });
      if (!change) throw new ChangeStateError(id, "missing");
      if (change.status !== "pending") throw new ChangeStateError(id, change.status);
      const seq = await lockGraph(tx);
      const { effects, sourceSlug } = await this.planEffects(
        tx,
        change.input,
        { username: change.author, role: change.authorRole },
        id,
        change.kind,
      );
      await writeEffects(tx, effects);
      const applied = {
        ...appliedRecord(id, change.input, { username: change.author, role: change.authorRole }, change.kind, effects, seq),
        sourceSlug,
      };
      const record = await updateChangeRecord(tx, id, {
        ...applied,
        reviewedBy: reviewer.username,
        reviewedAt: new Date().toISOString(),
        comment,
      });
      return { effects, record };
    }, operations);
  }

  async reject(id: string, reviewer: Actor, comment: string): Promise<ChangeRecord> {
    return this.write(async (tx) => {
      const [change] = await readChangeRecords(tx, { id });
      if (!change) throw new ChangeStateError(id, "missing");
      if (change.status !== "pending") throw new ChangeStateError(id, change.status);
      const record = await updateChangeRecord(tx, id, {
        status: "rejected",
        reviewedBy: reviewer.username,
        reviewedAt: new Date().toISOString(),
        comment,
      });
      return { effects: [], record };
    });
  }

  /**
   * Undoes an applied change with a new change (kind revert) that restores what it overwrote —
   * refused, naming them, when later changes touched the same fields or relationships.
   */
  async revert(id: string, reviewer: Actor, reason: string): Promise<ChangeRecord> {
    const revertId = randomUUID();
    return this.write(async (tx) => {
      const [change] = await readChangeRecords(tx, { id });
      if (!change) throw new ChangeStateError(id, "missing");
      if (change.status !== "applied") throw new ChangeStateError(id, change.status);
      if (change.revertedBy) throw new ChangeStateError(id, "reverted");
      const seq = await lockGraph(tx);
      const conflicts = await laterConflicts(tx, change);
      if (conflicts.length > 0) throw new ChangeRefused(conflicts);
      const effects = inverseOf(change.effects);
      try {
        await writeEffects(tx, effects);
      } catch (error) {
        if (error instanceof MissingEnd)
          throw new ChangeRefused([{ field: "id", message: `cannot restore a relationship: ${error.message}` }]);
        throw error;
      }
      const today = new Date().toISOString().slice(0, 10);
      const input: ChangeInput = {
        operations: [],
        source: { statement: { by: reviewer.username, on: today }, quote: reason },
        note: reason,
      };
      const record = await createChangeRecord(tx, {
        ...appliedRecord(revertId, input, reviewer, "revert", effects, seq),
        revertOf: id,
        note: reason,
      });
      await updateChangeRecord(tx, id, { revertedBy: revertId });
      return { effects, record };
    });
  }

  async get(id: string): Promise<ChangeRecord | undefined> {
    return (await this.read((tx) => readChangeRecords(tx, { id })))[0];
  }

  async pending(limit: number): Promise<ChangeRecord[]> {
    return (await this.read((tx) => readChangeRecords(tx, { status: "pending", limit }))).reverse(); // oldest first: a queue
  }

  async pendingCount(): Promise<number> {
    return this.read(async (tx) => Number((await tx.run(readQuery("changes/count-pending"))).records[0]?.get("pending") ?? 0));
  }

  /** An entity's history (newest first) and its version: how many applied changes touched it. */
  async history(label: Label, slug: string, limit = 100): Promise<{ version: number; changes: ChangeRecord[] }> {
    const key = keyOfEntity(label, slug);
    return this.read(async (tx) => {
      const changes = (await readChangeRecords(tx, { key, limit })).filter((c) => c.status === "applied");
      const version = (await new GraphReader(tx as ManagedTransaction).changesTouching([key])).length;
      return { version, changes };
    });
  }

  private async planEffects(
    tx: ManagedTransaction,
    input: ChangeInput,
    author: Actor,
    id: string,
    kind: ChangeKind,
  ): Promise<{ effects: Effect[]; sourceSlug: string }> {
    const planned = await planChange(input, new GraphReader(tx), this.planOptions(author, kind));
    if (!planned.plan) throw new ChangeRefused(planned.problems);
    return { effects: effectsOf(planned.plan, id), sourceSlug: planned.plan.source.slug };
  }

  private planOptions(author: Actor, kind: ChangeKind) {
    return {
      gazetteer: this.gazetteer,
      sourcesDir: this.sourcesDir,
      author: author.username,
      today: new Date().toISOString().slice(0, 10),
      // In the page, citing a source whose text is known means quoting it; tools' drafts follow the
      // seed files' rule (a quote is checked when given).
      quotesRequired: kind !== "import" && kind !== "extract",
      ...(kind === "import" || kind === "extract" ? { maxOperations: maxImportOperations } : {}),
    };
  }

  /**
   * Changes apply one at a time: across instances by the graph version's lock in Neo4j, and within
   * this process by a mutex first, so that a burst of edits waits its turn here rather than inside
   * open transactions (which would hold them, and their deadline, while they wait for the lock).
   * `work` returns the effects it wrote: when they touch what search finds (an entity made or
   * removed, a name), the fulltext index is refreshed before the next change (some 14 ms here);
   * a description or a link does not wait for it. And the change's record as its transaction wrote
   * it: the answer, without reading it back in another transaction.
   */
  private async write(
    work: (tx: ManagedTransaction) => Promise<{ effects: Effect[]; record: ChangeRecord }>,
    operations = 1,
  ): Promise<ChangeRecord> {
    return this.writes.runExclusive(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        const { effects, record } = await session.executeWrite(work, this.transactionConfig(operations));
        // Search must find what was just written (the fulltext index is eventually consistent).
        if (touchesSearch(effects)) await session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()");
        return record;
      } finally {
        await session.close();
      }
    });
  }

  /**
   * A change is some ten short queries: twice a read's deadline (it may still wait for another
   * instance's change). An import's change of thousands of operations gets 10 ms more for each.
   */
  private transactionConfig(operations = 1) {
    return this.timeoutMs ? { timeout: Math.max(this.timeoutMs * 2, operations * 10) } : undefined;
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: "READ" });
    try {
      return await session.executeRead(work, this.transactionConfig());
    } finally {
      await session.close();
    }
  }
}

async function lockGraph(tx: ManagedTransaction): Promise<number> {
  const { records } = await tx.run(readQuery("changes/lock-graph"));
  return Number(records[0]!.get("version"));
}
