import type { CellIssue } from "../../../core/import-preview.ts";
import type { Address } from "../../../core/gazetteer/resolve-address.ts";
import { entityKinds, labelOf, type Kind } from "../../../core/model/index.ts";
import { targetOf, type ColumnTarget } from "../../../core/model/column-targets.ts";
import type { MappedColumn } from "./guess-mapping.ts";
import { legalFormOf, parseCell } from "./parse-cell.ts";

/** A row's cells read through its columns' targets: its properties, its address, its link cells. */
export interface RowValues {
  props: Record<string, unknown>;
  address: Address;
  links: { column: string; target: Extract<ColumnTarget, { group: "link" }>; names: string[] }[];
  linkProps: Map<string, { column: string; value: unknown }>; // "TYPE:direction" + property → value
  problems: CellIssue[];
  notes: CellIssue[];
}

export function readRowValues(kind: Kind, columns: MappedColumn[], cells: (string | null)[], formulas: number[]): RowValues {
  const label = labelOf[kind];
  const result: RowValues = { props: {}, address: {}, links: [], linkProps: new Map(), problems: [], notes: [] };
  const mapped = columns.flatMap((column) => {
    const target = column.target ? targetOf(kind, column.target) : undefined;
    return target ? [{ column, target }] : [];
  });
  for (const { column, target } of mapped) {
    const raw = cells[column.index];
    if (raw === null || raw === undefined) continue;
    if (formulas.includes(column.index))
      result.notes.push({
        column: column.header,
        reason: "formula",
        params: { formula: raw },
        message: `a formula, kept as its text (${raw}), never run`,
      });
    switch (target.group) {
      case "property": {
        const parsed = parseCell(raw, target.definition);
        if ("problem" in parsed) {
          result.problems.push({
            column: column.header,
            reason: parsed.problem.reason,
            params: { ...parsed.problem.params, property: target.property },
            message: parsed.problem.message,
          });
          break;
        }
        result.props[target.property] = parsed.value;
        for (const note of parsed.notes)
          result.notes.push({ column: column.header, reason: note.reason, params: note.params, message: note.message });
        if (target.property === "kind" && label === "Ally") {
          const legalForm = legalFormOf(raw);
          if (legalForm && !mapped.some((m) => m.target.key === "legalForm" && cells[m.column.index] !== null)) {
            result.props.legalForm = legalForm;
            result.notes.push({
              column: column.header,
              reason: "legal-form",
              params: { value: legalForm },
              message: `${legalForm} kept as its legal form too`,
            });
          }
        }
        break;
      }
      case "place":
        result.address[target.part] = raw;
        break;
      case "link":
        result.links.push({
          column: column.header,
          target,
          names: raw
            .split(/\s*[;|\n]\s*/)
            .map((name) => name.trim())
            .filter(Boolean),
        });
        break;
      case "link-property": {
        const parsed = parseCell(raw, target.definition);
        if ("problem" in parsed)
          result.problems.push({
            column: column.header,
            reason: parsed.problem.reason,
            params: { ...parsed.problem.params, property: target.property },
            message: parsed.problem.message,
          });
        else result.linkProps.set(`${target.type}:${target.direction}:${target.property}`, { column: column.header, value: parsed.value });
        break;
      }
    }
  }
  const nameProperty = entityKinds[label].nameProperty;
  if (result.props[nameProperty] === undefined && !result.problems.some((p) => p.params.property === nameProperty)) {
    const column = mapped.find((m) => m.target.key === nameProperty)?.column.header ?? null;
    result.problems.push({
      column,
      reason: "no-name",
      params: { property: nameProperty, mapped: column !== null },
      message: column ? `no ${nameProperty}: the cell is empty` : `no column gives the ${nameProperty}: map one`,
    });
  }
  return result;
}

/** The row in its own words, as the change quotes it: "ligne 12 — Nom : Atelier X ; Commune : Arras". */
export function rowQuote(line: number, columns: MappedColumn[], cells: (string | null)[]): string {
  const said = columns
    .filter((column) => column.target !== null && cells[column.index] !== null && cells[column.index] !== undefined)
    .map((column) => `${column.header} : ${String(cells[column.index]).replace(/\s+/g, " ")}`);
  return `ligne ${line} — ${said.join(" ; ")}`;
}
