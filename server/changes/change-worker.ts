import { workerData } from "node:worker_threads";
import { createDriver } from "../../core/neo4j/create-driver.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { ChangeRefused, ChangeService, ChangeStateError } from "../../seeds/changes/change-service.ts";
import { answerCalls } from "../worker-calls.ts";
import type { ChangeCall, ChangeWorkerData, SentError } from "./change-calls.ts";

// Every change of the API, in a thread of its own (server/changes/change-thread.ts): a change is
// some ten queries in a row, and on the API's event loop, busy with hundreds of readers, each of
// them waited its turn behind their callbacks while the change held the write lock.
const data = workerData as ChangeWorkerData;
const driver = createDriver(data.connection);
const service = new ChangeService(driver, data.database, new Gazetteer(data.gazetteer), data.sourcesDir, data.timeoutMs);

answerCalls(async ({ method, args }: ChangeCall) => {
  if (method === "close") return driver.close();
  const call = service[method] as (...values: unknown[]) => Promise<unknown>;
  return call.apply(service, args);
}, sent);

/** An error as the main thread rebuilds it: the service's refusals whole, the driver's with their code. */
function sent(error: unknown): SentError {
  if (error instanceof ChangeRefused) return { name: error.name, message: error.message, problems: error.problems };
  if (error instanceof ChangeStateError) return { name: error.name, message: error.message, changeId: error.id, status: error.status };
  const { name, message, stack, code } = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown };
  return {
    name: typeof name === "string" ? name : "Error",
    message: typeof message === "string" ? message : String(error),
    ...(typeof stack === "string" ? { stack } : {}),
    ...(typeof code === "string" ? { code } : {}),
  };
}
