import type { CellIssue, ImportPreview, PreviewRow } from "../../../core/import-preview.ts";
import { kindName } from "../../../core/model/index.ts";
import { targetOf } from "../../../core/model/column-targets.ts";

const show = (value: unknown): string =>
  value === null || value === undefined ? "∅" : Array.isArray(value) ? value.join(" ; ") : String(value);

/**
 * The preview as text, for `npm run import -- FILE --check`: the columns and what each maps to
 * (unmapped ones too), the counts, every problem at its row and cell, the duplicates to decide,
 * the updates; every row with `verbose`. Lines start with "file:line" so that editors jump to them.
 */
export function formatPreview(preview: ImportPreview, verbose = false): string {
  const lines: string[] = [];
  const where = (row: PreviewRow, issue?: CellIssue) => `${preview.file}:${row.line}${issue?.column ? ` [${issue.column}]` : ""}`;
  const read = [
    preview.format.toUpperCase(),
    preview.encoding,
    preview.delimiter ? `delimiter "${preview.delimiter === "\t" ? "tab" : preview.delimiter}"` : undefined,
    preview.sheet ? `sheet "${preview.sheet}"` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  lines.push(
    `${preview.file} (${read}): ${preview.counts.rows} rows of ${kindName(preview.kind, "en").toLowerCase()}, header on row ${preview.headerLine}`,
  );
  lines.push(`Mapping: ${preview.mapping.how}${preview.mapping.name ? ` "${preview.mapping.name}"` : ""}`);
  const width = Math.max(...preview.columns.map((c) => c.header.length));
  for (const column of preview.columns) {
    const target = column.target ? targetOf(preview.kind, column.target) : undefined;
    const what = target
      ? `${target.names.en} (${column.target}${column.how === "values" ? ", from its values" : ""})`
      : column.how === "personal-data"
        ? "not imported: personal contact details"
        : "not imported";
    lines.push(`  ${column.header.padEnd(width)}  → ${what}`);
  }
  const c = preview.counts;
  lines.push(
    `Rows: ${c.create} new, ${c.update} updated, ${c.unchanged} unchanged, ${c["same-as-row"]} same as an earlier row, ${c.decide} to decide, ${c.problem} with problems, ${c.dropped} dropped`,
  );
  if (preview.territories.length) lines.push(`New places: ${preview.territories.map((t) => `${t.name} (${t.kind} ${t.code})`).join(", ")}`);
  const problems = preview.rows.filter((r) => r.action === "problem");
  if (problems.length) {
    lines.push("Problems (these rows are left out until fixed):");
    for (const row of problems)
      for (const issue of row.problems) {
        const candidates = (issue.params.candidates as { label?: string }[] | string[] | undefined) ?? [];
        const named = candidates.map((x) => (typeof x === "string" ? x : (x.label ?? ""))).filter(Boolean);
        lines.push(`  ${where(row, issue)}: ${issue.message}${named.length ? ` (closest: ${named.join(", ")})` : ""}`);
      }
  }
  const decide = preview.rows.filter((r) => r.action === "decide");
  if (decide.length) {
    lines.push("To decide (the same as an entity of the graph?):");
    for (const row of decide)
      lines.push(
        `  ${where(row)}: "${row.entity?.name}" may be ${row.alternatives.map((m) => `${m.slug} "${m.name}"${m.place ? ` in ${m.place}` : ""} (${m.reasons.join(", ")})`).join(" or ")}: --decide ${row.line}=<slug> or --decide ${row.line}=new`,
      );
  }
  for (const row of preview.rows) {
    if (row.action === "update")
      lines.push(
        `  ${where(row)}: updates ${row.entity?.slug}: ${row.changes.map((ch) => `${ch.property} ${show(ch.before)} → ${show(ch.after)}`).join("; ") || "adds its links"}`,
      );
    else if (verbose && row.entity)
      lines.push(
        `  ${where(row)}: ${row.action} ${row.entity.kind} ${row.entity.slug}${row.place ? ` in ${row.place.name}` : ""}${row.links.length ? `, ${row.links.length} link(s)` : ""}`,
      );
    if (verbose) for (const note of row.notes) lines.push(`  ${where(row, note)}: note: ${note.message}`);
  }
  return lines.join("\n");
}
