// A worker thread does not inherit tsx's loader from the main thread (Node 20): register it here,
// then run the TypeScript worker. The only JavaScript file of the server, for that reason.
import { register } from "tsx/esm/api";

register();
await import("./layout-worker.ts");
