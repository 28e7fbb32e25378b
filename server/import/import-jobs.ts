import { Worker } from "node:worker_threads";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../../core/logger.ts";
import { labels } from "../../core/model/index.ts";
import { readGraphSnapshot, readSnapshotOf } from "../../seeds/import/spreadsheet/read-graph-snapshot.ts";
import type { ImportJob, JobResult, WorkerMessage } from "./import-job.ts";

/** The file cannot be imported: what to tell the user (one line), answered 400. */
export class ImportRefusedError extends Error {
  override name = "ImportRefusedError";
}
/** Too many imports at once on this server: answered 503 with Retry-After. */
export class ImportBusyError extends Error {
  override name = "ImportBusyError";
}

export interface ImportLimits {
  concurrent: number; // imports running at once
  heapMb: number; // each worker's heap: past it the worker dies, the server goes on
  timeoutMs: number; // a preview that runs longer is stopped
}

/**
 * Runs each import in a worker thread of its own, with a heap limit and a deadline, a few at a
 * time: a 200 000-row file, a zip bomb that slipped through, a PDF made to loop, cost that worker,
 * which is then ended; the API's event loop stays free for everyone else. The worker asks for the
 * graph it compares with; the main thread reads it (it holds the driver) and sends it over.
 */
export class ImportJobs {
  private running = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly log: Logger,
    private readonly limits: ImportLimits = { concurrent: 2, heapMb: 1024, timeoutMs: 120_000 },
    private readonly queryTimeoutMs?: number,
  ) {}

  async run(job: ImportJob, onProgress: (progress: { phase: string; done: number; total: number }) => void): Promise<JobResult> {
    if (this.running >= this.limits.concurrent) throw new ImportBusyError(`${this.running} imports are running: try again in a moment`);
    this.running += 1;
    const worker = new Worker(new URL("../worker-entry.mjs", import.meta.url), {
      workerData: { module: new URL("./import-worker.ts", import.meta.url).href, job },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    try {
      return await new Promise<JobResult>((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new ImportRefusedError(`the import took more than ${Math.round(this.limits.timeoutMs / 1000)} s: split the file`)),
          this.limits.timeoutMs,
        );
        const settle = (action: () => void) => {
          clearTimeout(deadline);
          action();
        };
        worker.on("message", async (message: WorkerMessage) => {
          try {
            if (message.type === "progress") onProgress(message);
            else if (message.type === "need-snapshot") {
              const snapshot =
                "all" in message
                  ? await readSnapshotOf(this.driver, this.database, labels, this.queryTimeoutMs)
                  : await readGraphSnapshot(this.driver, this.database, message.kind, message.columns, this.queryTimeoutMs);
              worker.postMessage({ type: "snapshot", snapshot });
            } else if (message.type === "done") settle(() => resolve(message.result));
            else if (message.type === "refused") settle(() => reject(new ImportRefusedError(message.message)));
            else settle(() => reject(new Error(`import worker: ${message.message}`)));
          } catch (error) {
            settle(() => reject(error as Error));
          }
        });
        worker.on("error", (error) => {
          const memory = /memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${(error as NodeJS.ErrnoException).code} ${error.message}`);
          if (memory) this.log.warn({ heapMb: this.limits.heapMb }, "an import ran out of its memory and was stopped");
          settle(() =>
            reject(
              memory ? new ImportRefusedError(`the file needs more memory than an import has (${this.limits.heapMb} MB): split it`) : error,
            ),
          );
        });
        worker.on("exit", (code) => settle(() => reject(new Error(`import worker stopped (exit code ${code})`))));
      });
    } finally {
      this.running -= 1;
      await worker.terminate();
    }
  }
}
