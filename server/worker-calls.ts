import { parentPort, Worker } from "node:worker_threads";

export interface WorkerCallsOptions {
  /** Given to the worker's module as `workerData` (with `module`, which worker-entry.mjs imports). */
  workerData?: Record<string, unknown>;
  /** The error a call fails with, from what answerCalls' `describeError` sent (by default, its message). */
  rebuildError?: (sent: unknown) => Error;
}

/**
 * Calls to a TypeScript module run in a worker thread, off the API's event loop (overview layouts,
 * network metrics, changes). One worker per caller, started on the first call (or by start()) and
 * unref'd (it never keeps the process alive); each call gets its own answer; if the worker dies or
 * stops, its pending calls fail and the next call starts a new one.
 */
export class WorkerCalls<Request, Result> {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();

  /** `module`: the worker's module, which answers with answerCalls(). */
  constructor(
    private readonly module: URL,
    private readonly options: WorkerCallsOptions = {},
  ) {}

  /** Starts the worker now rather than at the first call (which would then wait for it to load). */
  start(): Worker {
    if (this.worker) return this.worker;
    // worker-entry.mjs registers tsx in the thread, then imports the module.
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData: { ...this.options.workerData, module: this.module.href },
    });
    worker.unref();
    worker.on("message", ({ id, result, error }: { id: number; result?: Result; error?: unknown }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(this.options.rebuildError ? this.options.rebuildError(error) : new Error(String(error)));
      else waiting?.resolve(result!);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the worker thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  call(request: Request): Promise<Result> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/**
 * In the worker module: answers each call with what `handle` returns (or resolves to), or with its
 * error as `describeError` puts it (by default, its message).
 */
export function answerCalls<Request, Result>(
  handle: (request: Request) => Result | Promise<Result>,
  describeError: (error: unknown) => unknown = (error) => (error as Error).message,
): void {
  parentPort!.on("message", async ({ id, request }: { id: number; request: Request }) => {
    try {
      parentPort!.postMessage({ id, result: await handle(request) });
    } catch (error) {
      parentPort!.postMessage({ id, error: describeError(error) });
    }
  });
}
