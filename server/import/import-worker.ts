import { parentPort, workerData } from "node:worker_threads";
import { InputFileError } from "../../core/cli/input-file.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import type { Kind } from "../../core/model/index.ts";
import { draftOfUpload } from "../../seeds/extract/fiche-upload.ts";
import { readPdfText } from "../../seeds/extract/read-pdf.ts";
import { MappingError } from "../../seeds/import/spreadsheet/column-mapping.ts";
import type { GraphSnapshot } from "../../seeds/import/spreadsheet/graph-snapshot.ts";
import type { MappedColumn } from "../../seeds/import/spreadsheet/guess-mapping.ts";
import { headerKey } from "../../seeds/import/spreadsheet/guess-mapping.ts";
import { previewSpreadsheet } from "../../seeds/import/spreadsheet/preview-spreadsheet.ts";
import type { ImportJob, WorkerMessage } from "./import-job.ts";

// One import, off the API's event loop and in a heap of its own (server/import/import-jobs.ts): a
// spreadsheet of tens of thousands of rows, or a file made to exhaust memory, costs this thread,
// never the server. It asks the main thread for the graph it needs, and reports its progress.
const job = workerData.job as ImportJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
let snapshotArrived: ((snapshot: GraphSnapshot) => void) | undefined;
parentPort!.on("message", (message: { type: "snapshot"; snapshot: GraphSnapshot }) => snapshotArrived?.(message.snapshot));
const askSnapshot = (request: { kind: Kind; columns: MappedColumn[] } | { all: true }): Promise<GraphSnapshot> =>
  new Promise((resolve) => {
    snapshotArrived = resolve;
    post({ type: "need-snapshot", ...request });
  });

try {
  const gazetteer = new Gazetteer(readGazetteerFile());
  const bytes = Buffer.from(job.bytes);
  if (job.what === "fiche") {
    post({ type: "progress", phase: "read", done: 0, total: 1 });
    const read =
      /\.pdf$/i.test(job.file) || bytes.subarray(0, 5).toString("latin1") === "%PDF-"
        ? await readPdfText(bytes, job.file)
        : { text: ficheText(bytes, job.file), pages: undefined };
    post({ type: "progress", phase: "read", done: 1, total: 1 });
    const snapshot = await askSnapshot({ all: true });
    const draft = draftOfUpload(read.text, job.file, snapshot, gazetteer, { pages: read.pages, drop: job.drop });
    post({ type: "done", result: { what: "fiche", ...draft } });
  } else {
    const { preview, mapping } = await previewSpreadsheet(
      {
        file: job.file,
        bytes,
        kind: job.kind,
        mapping: job.mapping,
        choices: job.choices,
        sheet: job.sheet,
        headerLine: job.headerLine,
        decisions: job.decisions,
      },
      gazetteer,
      {
        findSavedMapping: async (headers) => {
          const keys = headers.map(headerKey);
          return job.savedMappings.find((saved) => {
            const known = new Set(Object.keys(saved.mapping.columns).map(headerKey));
            return keys.every((key) => known.has(key));
          });
        },
        readSnapshot: (kind, columns) => askSnapshot({ kind, columns }),
        onProgress: (phase, done, total) => post({ type: "progress", phase, done, total }),
      },
    );
    post({ type: "done", result: { what: "spreadsheet", preview, mapping } });
  }
} catch (error) {
  if (error instanceof InputFileError || error instanceof MappingError) post({ type: "refused", message: error.message });
  else post({ type: "failed", message: (error as Error).stack ?? String(error) });
}

/** A fiche as text: UTF-8, and a fiche's size. */
function ficheText(bytes: Buffer, file: string): string {
  if (bytes.length > 2 ** 20) throw new InputFileError(`${file}: more than a fiche's text may be (1 MB at most)`);
  if (bytes.includes(0)) throw new InputFileError(`${file}: is a binary file, not a fiche`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new InputFileError(`${file}: is not UTF-8 text (save the fiche as UTF-8, or import its PDF)`);
  }
}
