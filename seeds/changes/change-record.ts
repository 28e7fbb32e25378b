import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../core/neo4j/cypher-template.ts";
import type { ChangeInput } from "./change-input.ts";
import type { Effect } from "./effects.ts";

export type ChangeStatus = "pending" | "applied" | "rejected";
/** Where a change came from: the page (edit, proposal, suggestion), a tool (import, extract), or a revert. */
export type ChangeKind = "edit" | "proposal" | "suggestion" | "import" | "extract" | "revert";

/** A change as its :Change node records it (JSON texts parsed). */
export interface ChangeRecord {
  id: string;
  status: ChangeStatus;
  kind: ChangeKind;
  author: string;
  authorRole: string; // "visitor" for a suggestion
  createdAt: string;
  appliedAt: string | undefined;
  seq: number | undefined; // the graph version it made: the order of applied changes
  reviewedBy: string | undefined;
  reviewedAt: string | undefined;
  comment: string | undefined; // the reviewer's
  note: string | undefined; // the author's
  input: ChangeInput;
  sourceSlug: string | undefined;
  effects: Effect[];
  keys: string[]; // what it changed: entities (their properties or existence) and relationships
  mentions: string[]; // entities at either end of a relationship it added or removed
  fields: Record<string, string[]>; // key → the properties it changed
  revertOf: string | undefined;
  revertedBy: string | undefined;
}

type Stored = Record<string, unknown>;

/** A row of the change queries (`change`: the node's properties, `createdAt`: as text) as a record. */
function recordOf(row: Neo4jRecord): ChangeRecord {
  return fromStored(row.get("change") as Stored, String(row.get("createdAt")));
}

function fromStored(stored: Stored, createdAt: string): ChangeRecord {
  const text = (name: string): string | undefined =>
    stored[name] === undefined || stored[name] === null ? undefined : String(stored[name]);
  return {
    id: String(stored.id),
    status: stored.status as ChangeStatus,
    kind: stored.kind as ChangeKind,
    author: String(stored.author),
    authorRole: String(stored.authorRole),
    createdAt,
    appliedAt: text("appliedAt"),
    seq: stored.seq === undefined ? undefined : Number(stored.seq),
    reviewedBy: text("reviewedBy"),
    reviewedAt: text("reviewedAt"),
    comment: text("comment"),
    note: text("note"),
    input: JSON.parse(String(stored.input)) as ChangeInput,
    sourceSlug: text("sourceSlug"),
    effects: JSON.parse(String(stored.effects ?? "[]")) as Effect[],
    keys: (stored.keys as string[] | undefined) ?? [],
    mentions: (stored.mentions as string[] | undefined) ?? [],
    fields: JSON.parse(String(stored.fields ?? "{}")) as Record<string, string[]>,
    revertOf: text("revertOf"),
    revertedBy: text("revertedBy"),
  };
}

/** The node's properties: JSON for the nested parts, lists of keys as lists (history looks them up). */
export function toStored(record: Omit<ChangeRecord, "createdAt">): Stored {
  const stored: Stored = {
    ...record,
    input: JSON.stringify(record.input),
    effects: JSON.stringify(record.effects),
    fields: JSON.stringify(record.fields),
  };
  for (const [name, value] of Object.entries(stored)) if (value === undefined) delete stored[name];
  return stored;
}

/** Writes a change's record; returns it as readChangeRecords would read it back (createdAt is Neo4j's). */
export async function createChangeRecord(tx: ManagedTransaction, record: Omit<ChangeRecord, "createdAt">): Promise<ChangeRecord> {
  const { records } = await tx.run(fillQuery("changes/create-change", {}), { record: toStored(record) });
  return recordOf(records[0]!);
}

/** Moves a change's record on; returns it as it now is. */
export async function updateChangeRecord(tx: ManagedTransaction, id: string, set: Partial<ChangeRecord>): Promise<ChangeRecord> {
  const stored = toStored({ ...set } as ChangeRecord);
  delete stored.input;
  delete stored.id;
  if (set.effects === undefined) delete stored.effects;
  if (set.fields === undefined) delete stored.fields;
  const relink = stored.keys !== undefined || stored.mentions !== undefined;
  const { records } = await tx.run(fillQuery("changes/update-change", {}), { id, set: stored, relink });
  return recordOf(records[0]!);
}

/** Which change records to read: one by its id, those of a status, or those concerning an entity. */
export type ChangeFilter =
  { id: string } | { status: ChangeStatus; limit?: number } | { key: string; status?: ChangeStatus; limit?: number };

/**
 * Change records, newest first. Each lookup has its own query, so that an id and a status are found
 * through their indexes (change_id, change_status) rather than by reading every record: one query
 * with `$id IS NULL OR c.id = $id` could use neither, and a change's own record was read that way.
 */
export async function readChangeRecords(tx: Pick<ManagedTransaction, "run">, filter: ChangeFilter): Promise<ChangeRecord[]> {
  const limit = neo4j.int(("limit" in filter ? filter.limit : undefined) ?? 100);
  const { records } =
    "id" in filter
      ? await tx.run(readQuery("changes/read-change"), { id: filter.id })
      : "key" in filter
        ? await tx.run(readQuery("changes/read-changes-by-key"), { key: filter.key, status: filter.status ?? null, limit })
        : await tx.run(readQuery("changes/read-changes-by-status"), { status: filter.status, limit });
  return records.map(recordOf);
}
