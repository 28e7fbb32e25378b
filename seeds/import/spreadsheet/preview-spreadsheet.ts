import type { ImportDecisions, ImportPreview } from "../../../core/import-preview.ts";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import type { Kind } from "../../../core/model/index.ts";
import { buildPreview } from "./build-preview.ts";
import { applyColumnChoices, mappingOf, type ColumnMapping } from "./column-mapping.ts";
import type { GraphSnapshot } from "./graph-snapshot.ts";
import { guessMapping } from "./guess-mapping.ts";
import { readSpreadsheet } from "./read-spreadsheet.ts";
import type { inputLimits } from "../../../core/cli/input-file.ts";

/** What to preview: a file's bytes and everything the user chose so far. */
export interface PreviewRequest {
  file: string;
  bytes: Buffer;
  kind?: Kind | undefined; // else the mapping's, else guessed
  mapping?: { mapping: ColumnMapping; name: string | undefined; how: "saved" | "file" | "given" } | undefined;
  choices?: Record<string, string | null> | undefined; // header → target, the user's changes to the mapping
  sheet?: string | undefined;
  headerLine?: number | undefined;
  decisions?: ImportDecisions | undefined;
  limits?: Partial<typeof inputLimits> | undefined;
}

/** The mapping and graph-independent part first, so that the caller reads only the graph it needs. */
export interface PreviewSteps {
  findSavedMapping?: (headers: string[]) => Promise<{ mapping: ColumnMapping; name: string } | undefined>;
  readSnapshot: (kind: Kind, columns: ReturnType<typeof guessMapping>["columns"]) => Promise<GraphSnapshot>;
  onProgress?: (phase: "read" | "rows", done: number, total: number) => void;
}

/**
 * A spreadsheet's preview, from its bytes: read (any format, refusals as InputFileError), mapped
 * (the given mapping, else one saved for these headers, else guessed; then the user's choices),
 * compared with the graph. The page (through a worker thread) and the CLI both come here.
 */
export async function previewSpreadsheet(
  request: PreviewRequest,
  gazetteer: Gazetteer,
  steps: PreviewSteps,
): Promise<{ preview: ImportPreview; mapping: ColumnMapping }> {
  steps.onProgress?.("read", 0, 1);
  const given = request.mapping?.mapping;
  const table = await readSpreadsheet(request.bytes, request.file, {
    sheet: request.sheet ?? given?.sheet,
    headerLine: request.headerLine ?? given?.headerLine,
    limits: request.limits,
  });
  steps.onProgress?.("read", 1, 1);
  let used = request.mapping;
  if (!used && steps.findSavedMapping) {
    const saved = await steps.findSavedMapping(table.headers);
    if (saved) used = { mapping: saved.mapping, name: saved.name, how: "saved" };
  }
  const guessed = guessMapping(table, { kind: request.kind ?? used?.mapping.kind, saved: used?.mapping });
  const kind = request.kind ?? guessed.kind;
  const columns = applyColumnChoices(kind, guessed.columns, request.choices ?? {});
  const snapshot = await steps.readSnapshot(kind, columns);
  const preview = buildPreview({
    table,
    kind,
    columns,
    gazetteer,
    snapshot,
    decisions: request.decisions,
    mapping: used ? { name: used.name, how: used.how } : { name: undefined, how: "guessed" },
    onProgress: (done, total) => {
      if (done % 250 === 0 || done === total) steps.onProgress?.("rows", done, total);
    },
  });
  return {
    preview,
    mapping: mappingOf(kind, columns, { sheet: table.sheet, headerLine: table.headerLine === 1 ? undefined : table.headerLine }),
  };
}
