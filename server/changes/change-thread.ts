import { Worker } from "node:worker_threads";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import type { DriverOptions } from "../../core/neo4j/create-driver.ts";
import { ChangeRefused, ChangeStateError, type Changes } from "../../seeds/changes/change-service.ts";
import type { ChangeCall, ChangeWorkerData, ChangeWorkerReply, SentError } from "./change-calls.ts";

/**
 * The change service (seeds/changes/change-service.ts) run in a worker thread with its own driver:
 * the same methods, the same errors. A change is some ten queries in a row inside the graph's write
 * lock; on the API's event loop each of them waited behind the callbacks of every reader (tens of
 * milliseconds each under load), so the lock was held, and every other change queued, for that long.
 * In its own thread, and with the change's planning (the seed loader's checks) off the event loop,
 * the lock is held for the queries alone. One worker: its service's mutex still orders every write of
 * this process. If the worker dies, the calls it held fail and the next call starts another.
 */
export class ChangeThread implements Changes {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly data: ChangeWorkerData;

  constructor(connection: DriverOptions, database: string, gazetteer: Gazetteer, sourcesDir: string, timeoutMs?: number) {
    this.data = { connection, database, gazetteer: gazetteer.data, sourcesDir, timeoutMs };
    this.start(); // now, so that the first change does not wait for the thread to load
  }

  apply: Changes["apply"] = (...args) => this.call("apply", args);
  hold: Changes["hold"] = (...args) => this.call("hold", args);
  accept: Changes["accept"] = (...args) => this.call("accept", args);
  reject: Changes["reject"] = (...args) => this.call("reject", args);
  revert: Changes["revert"] = (...args) => this.call("revert", args);
  get: Changes["get"] = (...args) => this.call("get", args);
  pending: Changes["pending"] = (...args) => this.call("pending", args);
  pendingCount: Changes["pendingCount"] = (...args) => this.call("pendingCount", args);
  history: Changes["history"] = (...args) => this.call("history", args);

  /** Closes the worker's driver, then the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.call("close", []).catch(() => undefined);
    this.worker = undefined;
    await worker.terminate();
  }

  private start(): Worker {
    // worker-entry.mjs registers tsx in the thread, then imports the module.
    const worker = new Worker(new URL("../worker-entry.mjs", import.meta.url), {
      workerData: { module: new URL("./change-worker.ts", import.meta.url).href, ...this.data },
    });
    worker.unref(); // never what keeps the process alive: main.ts and the tests close it
    worker.on("message", (reply: ChangeWorkerReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error) waiting?.reject(received(reply.error));
      else waiting?.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the change thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private call<T>(method: ChangeCall["method"], args: unknown[]): Promise<T> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies ChangeCall);
    });
  }
}

/** The worker's error as the one it was: the resolvers and the error formatting test for these. */
function received(error: SentError): Error {
  if (error.name === "ChangeRefused") return new ChangeRefused(error.problems ?? []);
  if (error.name === "ChangeStateError") return new ChangeStateError(error.changeId ?? "", error.status as ChangeStateError["status"]);
  const rebuilt = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = `${error.stack}\n    (in the change thread)`;
  return rebuilt;
}
