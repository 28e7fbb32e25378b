import { z } from "zod";
import { isKind, type Kind } from "../../../core/model/index.ts";
import { targetOf } from "../../../core/model/column-targets.ts";
import type { MappedColumn } from "./guess-mapping.ts";

/**
 * A mapping as it is saved and reused: the kind of the rows, each header's target (null: not
 * imported), and, for the monthly export that always comes from the same place, the sheet, the
 * header's row and the source it is cited as. Headers, not positions: a column moved is still found.
 */
export interface ColumnMapping {
  kind: Kind;
  columns: Record<string, string | null>;
  sheet?: string | undefined;
  headerLine?: number | undefined;
  source?: { title?: string | undefined; publisher?: string | undefined; year?: number | undefined } | undefined;
}

const mappingSchema = z.strictObject({
  kind: z.string().refine(isKind, { error: "kind must be ally, territory, initiative or person" }),
  columns: z.record(z.string(), z.string().nullable()),
  sheet: z.string().optional(),
  headerLine: z.int().min(1).optional(),
  source: z
    .strictObject({ title: z.string().optional(), publisher: z.string().optional(), year: z.int().min(1900).max(2100).optional() })
    .optional(),
});

/** A saved mapping read back: every key known, every target one the kind has; else what is wrong, where. */
export function parseMapping(value: unknown, where: string): ColumnMapping {
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(`${where}: ${issue.path.join(".") || "mapping"}: ${issue.message}`);
  }
  const mapping = parsed.data as ColumnMapping;
  for (const [header, target] of Object.entries(mapping.columns))
    if (target !== null && !targetOf(mapping.kind, target))
      throw new MappingError(`${where}: columns."${header}": "${target}" is not something a row of ${mapping.kind} can have`);
  return mapping;
}

export class MappingError extends Error {
  override name = "MappingError";
}

/** The mapping to save from the columns as the user left them. */
export function mappingOf(kind: Kind, columns: MappedColumn[], extra: Omit<ColumnMapping, "kind" | "columns"> = {}): ColumnMapping {
  return {
    kind,
    columns: Object.fromEntries(columns.map((column) => [column.header, column.target])),
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  };
}

/** A user's changes to the guessed columns: header → target (null to leave a column out). */
export function applyColumnChoices(kind: Kind, columns: MappedColumn[], choices: Record<string, string | null>): MappedColumn[] {
  const chosen = columns.map((column) =>
    Object.hasOwn(choices, column.header) ? { ...column, target: choices[column.header] ?? null, how: "user" as const } : column,
  );
  const seen = new Set<string>();
  for (const column of chosen) {
    if (column.target === null) continue;
    if (!targetOf(kind, column.target))
      throw new MappingError(`column "${column.header}": "${column.target}" is not something a row of ${kind} can have`);
    if (seen.has(column.target)) throw new MappingError(`column "${column.header}": "${column.target}" is already given by another column`);
    seen.add(column.target);
  }
  return chosen;
}
