import type { Driver } from "neo4j-driver";
import type { ImportPreview } from "../../../core/import-preview.ts";
import { readQuery } from "../../../core/neo4j/cypher-files.ts";
import { labelOf } from "../../../core/model/index.ts";
import type { ChangeRecord } from "../../changes/change-record.ts";
import type { Actor, Changes } from "../../changes/change-service.ts";
import { changeOfPreview, type SpreadsheetSource } from "./preview-to-change.ts";

/**
 * Sends a preview's rows as one change: held for review (a contributor's, or an editor's who wants
 * a second pair of eyes), or applied at once (an editor). Validated again by the change service,
 * against the graph as it is then: a row the graph caught up with is refused with its field, never
 * half-written. Undefined when the graph holds everything already.
 */
export async function sendImport(
  driver: Driver,
  database: string,
  service: Changes,
  preview: ImportPreview,
  source: SpreadsheetSource,
  actor: Actor,
  mode: "propose" | "apply",
  note?: string,
): Promise<{ change: ChangeRecord; operations: number } | undefined> {
  const updated = preview.rows.filter((r) => r.action === "update" && r.entity).map((r) => `${labelOf[r.entity!.kind]}/${r.entity!.slug}`);
  const versions = new Map<string, number>();
  if (updated.length > 0) {
    const { records } = await driver.executeQuery(readQuery("import/versions"), { keys: updated }, { database, routing: "READ" });
    for (const record of records) versions.set(String(record.get("key")), Number(record.get("version")));
  }
  const change = changeOfPreview(preview, source, versions, note);
  if (change.operations.length === 0) return undefined;
  const record = mode === "apply" ? await service.apply(change, actor, "import") : await service.hold(change, actor, "import");
  return { change: record, operations: change.operations.length };
}
