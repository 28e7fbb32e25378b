import type { CellIssue, PreviewRow } from "../../../core/import-preview.ts";
import { entityKinds, givenPropertiesOf, kindOf, requiredOf, type Label } from "../../../core/model/index.ts";
import type { SnapshotEntity } from "./graph-snapshot.ts";
import type { MappedColumn } from "./guess-mapping.ts";
import { nameKey, websiteDomain } from "./match-entities.ts";
import type { RowValues } from "./row-values.ts";

/** A row being previewed: its answer, its values, and the graph's entity it updates, if any. */
export interface Work {
  row: PreviewRow;
  values: RowValues;
  label: Label;
  existing: SnapshotEntity | undefined; // the graph's entity it updates (or, for a row that follows another, repeats)
}

/** The row's action once its links are known, and an update's changes: only what it adds or changes. */
export function settle(work: Work, byKey: Map<string, SnapshotEntity>): void {
  const { row, existing, label } = work;
  if (row.problems.length > 0) return void (row.action = "problem");
  if (row.action === "same-as-row" && existing) return void placeOnGraph(row, existing, label, byKey);
  if (row.action !== "create" || !existing) return;
  const given = givenPropertiesOf(label);
  const nameProperty = entityKinds[label].nameProperty;
  for (const [property, after] of Object.entries(row.values)) {
    if (!(property in given) || property === "slug") continue;
    const before = existing.props[property];
    if (property === nameProperty) continue; // its name stays; another spelling becomes an alias below
    const value = given[property]!.type === "strings" && Array.isArray(before) ? union(before as string[], after as string[]) : after;
    if (JSON.stringify(value) !== JSON.stringify(before ?? null)) row.changes.push({ property, before: before ?? null, after: value });
  }
  // A name the graph does not know it by (not another case or accent of one) is kept as another name.
  const written = String(row.values[nameProperty] ?? "");
  const known = [existing.props[nameProperty], ...((existing.props.aliases as string[] | undefined) ?? [])].map((n) => nameKey(String(n)));
  if ("aliases" in given && written && !known.includes(nameKey(written)) && !row.changes.some((c) => c.property === "aliases")) {
    const before = (existing.props.aliases as string[] | undefined) ?? null;
    row.changes.push({ property: "aliases", before, after: union(before ?? [], [written]) });
  }
  placeOnGraph(row, existing, label, byKey);
  const placedBy = (entityKinds[label] as { placedBy?: string }).placedBy;
  const newLinks = row.links.filter((l) => !l.exists);
  const placeIsNew = row.place && placedBy && placedBy !== "itself" && !row.place.linked;
  row.action = row.changes.length > 0 || newLinks.length > 0 || placeIsNew ? "update" : "unchanged";
}

/** Whether the graph places the row's entity already (there: nothing to add; elsewhere: said, not added). */
function placeOnGraph(row: PreviewRow, existing: SnapshotEntity, label: Label, byKey: Map<string, SnapshotEntity>): void {
  const placedBy = (entityKinds[label] as { placedBy?: string }).placedBy;
  if (!row.place || !placedBy || placedBy === "itself") return;
  const where = existing.relationships.filter((r) => r.out && r.type === placedBy);
  if (where.length === 0) return;
  if (!where.some((r) => r.slug === row.place!.slug)) {
    const names = where.map((r) => String(byKey.get(`Territory/${r.slug}`)?.props.name ?? r.slug));
    row.notes.push({
      column: null,
      reason: "placed-elsewhere",
      params: { graph: names.join(", "), row: row.place.name },
      message: `the graph has it at ${names.join(", ")}; the row's ${row.place.name} is not added`,
    });
  }
  row.place = { ...row.place, linked: true };
}

/** A row about an entity an earlier row is about: the values they give differently (another website's address of the same site aside). */
export function conflicts(first: PreviewRow, values: Record<string, unknown>, columns: MappedColumn[], label: Label): CellIssue[] {
  const found: CellIssue[] = [];
  for (const [property, value] of Object.entries(values)) {
    const before = first.values[property];
    if (property === entityKinds[label].nameProperty || property === "aliases" || before === undefined) continue;
    const sameSite =
      property === "website" &&
      websiteDomain(String(before)) !== undefined &&
      websiteDomain(String(before)) === websiteDomain(String(value));
    if (sameSite || JSON.stringify(before) === JSON.stringify(value)) continue;
    found.push({
      column: columns.find((c) => c.target === property)?.header ?? null,
      reason: "conflict-row",
      params: { line: first.line, value: String(before) },
      message: `row ${first.line}, the same entity, says "${String(before)}"`,
    });
  }
  return found;
}

/** The model's required properties: a row without one is a problem at its column (or, if none gives it, says which to map). */
export function requireProperties(label: Label, row: PreviewRow, values: RowValues, columns: MappedColumn[]): void {
  for (const property of requiredOf(label)) {
    if (property === "slug" || property === entityKinds[label].nameProperty || values.props[property] !== undefined) continue;
    if (row.problems.some((p) => p.params.property === property)) continue;
    const column = columns.find((c) => c.target === property)?.header ?? null;
    row.problems.push({
      column,
      reason: "missing-value",
      params: { property, mapped: column !== null },
      message: column ? `no ${property}: the cell is empty` : `no column gives the ${property}, which every ${kindOf[label]} has: map one`,
    });
  }
}

/** A row linking to a row that is left out (a problem, to decide, dropped) cannot be imported as it is either. */
export function leaveOutLinksToLeftOutRows(works: Work[]): void {
  for (let round = 0; round < 3; round++) {
    const leftOut = new Map(
      works
        .filter((w) => ["problem", "decide", "dropped"].includes(w.row.action) && w.row.entity)
        .map((w) => [`${w.row.entity!.kind}/${w.row.entity!.slug}`, w.row.line]),
    );
    let changed = false;
    for (const { row } of works) {
      if (!["create", "update", "same-as-row"].includes(row.action)) continue;
      for (const link of row.links) {
        const line = leftOut.get(`${link.other.kind}/${link.other.slug}`);
        if (line === undefined || link.other.exists) continue;
        row.problems.push({
          column: link.column,
          reason: "links-left-out-row",
          params: { line, name: link.other.name },
          message: `names ${link.other.name}, of row ${line}, which is left out`,
        });
        row.action = "problem";
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
