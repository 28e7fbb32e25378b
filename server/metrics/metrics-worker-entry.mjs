// As for the layouts (server/layout/layout-worker-entry.mjs): a worker thread does not inherit
// tsx's loader, so it is registered here before the TypeScript worker runs.
import { register } from "tsx/esm/api";

register();
await import("./metrics-worker.ts");
