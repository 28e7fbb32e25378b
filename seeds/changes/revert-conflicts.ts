import type { ManagedTransaction } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import type { FieldProblem } from "./change-input.ts";
import { readChangeRecords, type ChangeRecord } from "./change-record.ts";

/** Later applied changes that touched what this one did: same fields of an entity, same relationship, or an entity it created or deleted. */
export async function laterConflicts(tx: ManagedTransaction, change: ChangeRecord): Promise<FieldProblem[]> {
  const later = await readLater(tx, change);
  const messages: FieldProblem[] = [];
  for (const other of later) {
    for (const effect of change.effects) {
      let clash: string | undefined;
      if (effect.target === "relationship" && effect.type !== "SOURCED_FROM" && other.keys.includes(effect.key))
        clash = `the relationship ${effect.type} ${effect.from.slug} → ${effect.to.slug}`;
      if (effect.target === "entity") {
        const wholeEntity = effect.before === null || effect.after === null;
        const shared = (other.fields[effect.key] ?? []).filter((f) => wholeEntity || effect.fields.includes(f));
        if (shared.length > 0) clash = `${effect.label} "${effect.slug}" (${shared.join(", ")})`;
        else if (wholeEntity && other.mentions.includes(effect.key)) clash = `the relationships of ${effect.label} "${effect.slug}"`;
      }
      if (clash) {
        const at = (other.appliedAt ?? other.createdAt).slice(0, 16).replace("T", " ");
        messages.push({
          field: "id",
          message: `change ${other.id} by ${other.author} on ${at} changed ${clash} since; revert it first`,
          reason: "conflict",
          params: { change: other.id, author: other.author, at },
        });
        break;
      }
    }
  }
  return messages;
}

async function readLater(tx: ManagedTransaction, change: ChangeRecord): Promise<ChangeRecord[]> {
  const keys = [...new Set([...change.keys, ...change.effects.filter((e) => e.target === "entity").map((e) => e.key)])];
  const { records } = await tx.run(readQuery("changes/later-changes"), { keys, seq: change.seq ?? 0 });
  const ids = records.map((r) => String(r.get("id")));
  const found: ChangeRecord[] = [];
  for (const other of ids) found.push(...(await readChangeRecords(tx, { id: other })));
  return found;
}
