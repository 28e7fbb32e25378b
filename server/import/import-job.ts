import type { FichePreview, ImportDecisions, ImportPreview } from "../../core/import-preview.ts";
import type { Kind } from "../../core/model/index.ts";
import type { ColumnMapping } from "../../seeds/import/spreadsheet/column-mapping.ts";
import type { MappedColumn } from "../../seeds/import/spreadsheet/guess-mapping.ts";
import type { PreviewRequest } from "../../seeds/import/spreadsheet/preview-spreadsheet.ts";

/** What the page asks the import worker to do with a file (server/import/import-worker.ts). */
export type ImportJob =
  | {
      what: "spreadsheet";
      file: string;
      bytes: Uint8Array;
      kind: Kind | undefined;
      mapping: PreviewRequest["mapping"];
      choices: Record<string, string | null> | undefined;
      sheet: string | undefined;
      headerLine: number | undefined;
      decisions: ImportDecisions | undefined;
      savedMappings: { name: string; mapping: ColumnMapping }[]; // for a file that maps itself
    }
  | { what: "fiche"; file: string; bytes: Uint8Array; drop: string[] | undefined };

export type JobResult =
  | { what: "spreadsheet"; preview: ImportPreview; mapping: ColumnMapping }
  | { what: "fiche"; yaml: string; draftFile: string; preview: Omit<FichePreview, "problems"> };

/** The worker's messages: its progress, the graph it needs, then its result or why it stopped. */
export type WorkerMessage =
  | { type: "progress"; phase: "read" | "rows"; done: number; total: number }
  | ({ type: "need-snapshot" } & ({ kind: Kind; columns: MappedColumn[] } | { all: true }))
  | { type: "done"; result: JobResult }
  | { type: "refused"; message: string } // the file is not importable: said to the user
  | { type: "failed"; message: string }; // our fault: logged
