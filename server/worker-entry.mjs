// A worker thread does not inherit tsx's loader from the main thread (Node 20): register it here,
// then run the TypeScript module the caller named (server/worker-calls.ts). The only JavaScript
// file of the server, for that reason.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
