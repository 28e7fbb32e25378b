import { entityKinds, kinds, labelOf, type Kind } from "../../../core/model/index.ts";
import { foldText } from "../../../core/text/normalize.ts";
import { columnTargets, targetOf, type ColumnTarget } from "../../../core/model/column-targets.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import type { Table } from "./read-spreadsheet.ts";
import { enumValue } from "./parse-cell.ts";

/** A column of the file, with what it is mapped to and why: the mapping step shows every one, mapped or not. */
export interface MappedColumn {
  index: number;
  header: string;
  target: string | null; // a ColumnTarget key; null: not imported
  how: "saved" | "header" | "values" | "user" | "personal-data" | null; // why it is mapped so (null: nothing matched)
  samples: string[]; // its first values, to recognise it
}

/** "Code postal (siège)" → "code postal siege": headers compared without accents, case or punctuation. */
export function headerKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Columns an import never keeps: people's contact details are not facts of the alliance's map.
const personalHeaders = /^(e ?mail|courriel|mel|adresse (e )?mail|mail|telephone|tel|portable|mobile|phone|fax|contact (e ?mail|tel))\b/;

/**
 * The mapping of a file's columns: a saved mapping's choices for the headers it knows, then, for the
 * others, the target whose names or headers (core/model) match the header best — each target once —
 * then, for a column no header matched, what its values look like (postcodes, web addresses, SIREN).
 * The kind of its rows, unless given, is the kind whose targets match the headers best.
 */
export function guessMapping(table: Table, given: { kind?: Kind; saved?: ColumnMapping } = {}): { kind: Kind; columns: MappedColumn[] } {
  const kind = given.kind ?? given.saved?.kind ?? guessKind(table);
  const saved = given.saved?.kind === kind ? given.saved : undefined; // a mapping made for rows of another kind does not apply
  const targets = columnTargets(kind);
  const columns: MappedColumn[] = table.headers.map((header, index) => ({
    index,
    header,
    target: null,
    how: null,
    samples: table.rows
      .map((row) => row.cells[index])
      .filter((cell): cell is string => cell !== null)
      .slice(0, 3),
  }));
  const taken = new Set<string>();
  const savedColumns = new Map(Object.entries(saved?.columns ?? {}).map(([header, target]) => [headerKey(header), target]));
  for (const column of columns) {
    const key = headerKey(column.header);
    if (!savedColumns.has(key)) continue;
    const target = savedColumns.get(key)!;
    if (target !== null && targetOf(kind, target) && !taken.has(target)) {
      column.target = target;
      taken.add(target);
    }
    column.how = "saved";
  }
  for (const column of columns)
    if (column.how === null && (personalHeaders.test(headerKey(column.header)) || column.samples.some(isPersonalValue)))
      column.how = "personal-data";

  const candidates: { column: MappedColumn; target: ColumnTarget; score: number; order: number }[] = [];
  for (const column of columns) {
    if (column.how !== null) continue;
    targets.forEach((target, order) => {
      const score = headerScore(column.header, target);
      if (score > 0) candidates.push({ column, target, score, order });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.column.index - b.column.index);
  for (const { column, target } of candidates) {
    if (column.target !== null || taken.has(target.key)) continue;
    column.target = target.key;
    column.how = "header";
    taken.add(target.key);
  }
  // "Forme", "Statut": a header that may name the legal form or the kind; the values say which.
  const kindTarget = targets.find((t) => t.key === "kind");
  if (kindTarget?.group === "property" && kindTarget.definition.type === "enum" && !taken.has("kind")) {
    const definition = kindTarget.definition;
    const looksLikeKinds = columns.find((column) => {
      if (column.how !== "header" || column.target === null || !["legalForm", "status", "description"].includes(column.target))
        return false;
      const values = table.rows.map((row) => row.cells[column.index]).filter((cell): cell is string => cell !== null);
      return values.length > 0 && values.filter((value) => enumValue(value, definition) !== undefined).length >= values.length * 0.6;
    });
    if (looksLikeKinds) {
      taken.delete(looksLikeKinds.target!);
      looksLikeKinds.target = "kind";
      looksLikeKinds.how = "values";
      taken.add("kind");
    }
  }
  for (const column of columns) {
    if (column.how !== null) continue;
    const values = table.rows.map((row) => row.cells[column.index]).filter((cell): cell is string => cell !== null);
    const target = valuesTarget(values, kind);
    if (target && !taken.has(target)) {
      column.target = target;
      column.how = "values";
      taken.add(target);
    }
  }
  return { kind, columns };
}

/** How well a header names a target: 3 its very name, 2 its name then a qualifier ("Commune du siège"), 1 its name inside. */
function headerScore(header: string, target: ColumnTarget): number {
  const key = headerKey(header);
  let best = 0;
  for (const name of [target.names.fr, target.names.en, ...target.headers]) {
    const wanted = headerKey(name);
    if (!wanted) continue;
    if (key === wanted) return 3;
    if (key.startsWith(`${wanted} `) || key.endsWith(` ${wanted}`)) best = Math.max(best, 2);
    else if ((wanted.includes(" ") || wanted.length >= 5) && ` ${key} `.includes(` ${wanted} `)) best = Math.max(best, 1);
  }
  return best;
}

function isPersonalValue(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(value) || /^(\+33|0)[1-9](?:[\s.-]?\d{2}){4}$/.test(value.trim());
}

/** A column no header named, recognised by most of its values. */
function valuesTarget(values: string[], kind: Kind): string | undefined {
  if (values.length === 0) return undefined;
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  const has = (key: string) => targetOf(kind, key) !== undefined;
  if (has("place:postcode") && share((v) => /^\d{4,5}$/.test(v.replace(/\s/g, ""))) >= 0.8) return "place:postcode";
  if (has("website") && share((v) => /^(https?:\/\/|www\.)\S+$/i.test(v)) >= 0.8) return "website";
  if (has("siren") && share((v) => /^(\d{9}|\d{14})$/.test(v.replace(/\s/g, ""))) >= 0.8) return "siren";
  return undefined;
}

/**
 * The kind a sheet's rows are, from its headers (titles and statuses are initiatives', roles and
 * employers people's, populations territories') and its name ("contacts.csv"); allies when unsure.
 */
export function guessKind(table: Table): Kind {
  const named = headerKey(`${table.file} ${table.sheet ?? ""}`);
  let best: { kind: Kind; score: number } = { kind: "ally", score: 0 };
  for (const kind of kinds) {
    const label = labelOf[kind];
    if (label === "Source" || label === "Cohort" || label === "Theme") continue;
    const targets = columnTargets(kind);
    let score = 0;
    for (const header of table.headers)
      score += Math.max(0, ...targets.map((target) => (target.key === entityKinds[label].nameProperty ? 0 : headerScore(header, target))));
    const words = (entityKinds[label] as { headers?: readonly string[] }).headers ?? [];
    if (words.some((word) => ` ${named} `.includes(` ${headerKey(word)} `))) score += 4;
    if (score > best.score) best = { kind, score };
  }
  return best.kind;
}
