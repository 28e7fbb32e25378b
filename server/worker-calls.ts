import { parentPort, Worker } from "node:worker_threads";

/**
 * Calls to a TypeScript module run in a worker thread, off the API's event loop (overview layouts,
 * network metrics). One worker per caller, started on the first call and unref'd (it never keeps
 * the process alive); each call gets its own answer; if the worker dies, its pending calls fail
 * and the next call starts a new one.
 */
export class WorkerCalls<Request, Result> {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();

  /** `module`: the worker's module, which answers with answerCalls(). */
  constructor(private readonly module: URL) {}

  call(request: Request): Promise<Result> {
    if (!this.worker) {
      // worker-entry.mjs registers tsx in the thread, then imports the module.
      this.worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), { workerData: { module: this.module.href } });
      this.worker.unref();
      this.worker.on("message", ({ id, result, error }: { id: number; result?: Result; error?: string }) => {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve(result!);
      });
      this.worker.on("error", (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
        this.worker = undefined;
      });
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** In the worker module: answers each call with what `handle` returns, or its error's message. */
export function answerCalls<Request, Result>(handle: (request: Request) => Result): void {
  parentPort!.on("message", ({ id, request }: { id: number; request: Request }) => {
    try {
      parentPort!.postMessage({ id, result: handle(request) });
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).message });
    }
  });
}
