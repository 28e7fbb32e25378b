import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import type { DriverOptions } from "../../core/neo4j/create-driver.ts";
import { ChangeRefused, ChangeStateError, type Changes } from "../../seeds/changes/change-service.ts";
import { WorkerCalls } from "../worker-calls.ts";
import type { ChangeCall, ChangeWorkerData, SentError } from "./change-calls.ts";

/**
 * The change service (seeds/changes/change-service.ts) run in a worker thread with its own driver:
 * the same methods, the same errors. A change is some ten queries in a row inside the graph's write
 * lock; on the API's event loop each of them waited behind the callbacks of every reader (tens of
 * milliseconds each under load), so the lock was held, and every other change queued, for that long.
 * In its own thread, and with the change's planning (the seed loader's checks) off the event loop,
 * the lock is held for the queries alone. One worker (server/worker-calls.ts): its service's mutex
 * still orders every write of this process. If the worker dies, the calls it held fail and the next
 * call starts another.
 */
export class ChangeThread implements Changes {
  private readonly calls: WorkerCalls<ChangeCall, unknown>;

  constructor(connection: DriverOptions, database: string, gazetteer: Gazetteer, sourcesDir: string, timeoutMs?: number) {
    const workerData: ChangeWorkerData = { connection, database, gazetteer: gazetteer.data, sourcesDir, timeoutMs };
    this.calls = new WorkerCalls(new URL("./change-worker.ts", import.meta.url), {
      workerData: { ...workerData }, // a copy: an interface is not a Record
      rebuildError: (sent) => received(sent as SentError),
    });
    this.calls.start(); // now, so that the first change does not wait for the thread to load
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
    await this.calls.call({ method: "close", args: [] }).catch(() => undefined);
    await this.calls.close();
  }

  private call<T>(method: ChangeCall["method"], args: unknown[]): Promise<T> {
    return this.calls.call({ method, args }) as Promise<T>;
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
