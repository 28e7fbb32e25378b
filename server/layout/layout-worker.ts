import { parentPort } from "node:worker_threads";
import { computeLayout, type LayoutInput } from "./compute-layout.ts";

// Layouts run here, off the API's event loop: a 10 000-node layout takes seconds.
parentPort!.on("message", ({ id, input }: { id: number; input: LayoutInput }) => {
  try {
    parentPort!.postMessage({ id, positions: computeLayout(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
