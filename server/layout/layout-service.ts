import { Worker } from "node:worker_threads";
import type { LayoutInput } from "./compute-layout.ts";

type Positions = Record<string, { x: number; y: number }>;

/**
 * Positions of overview slices, computed in a worker thread and kept per graph version: the
 * first request after a load pays for the layout, the next ones get it at once.
 */
export class LayoutService {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();
  private readonly cache = new Map<string, Promise<Positions>>();

  positions(key: string, input: LayoutInput): Promise<Positions> {
    let positions = this.cache.get(key);
    if (!positions) {
      positions = this.run(input);
      positions.catch(() => this.cache.delete(key));
      // Old versions' layouts are of no use any more.
      for (const old of this.cache.keys()) if (old.split(":")[0] !== key.split(":")[0]) this.cache.delete(old);
      this.cache.set(key, positions);
    }
    return positions;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private run(input: LayoutInput): Promise<Positions> {
    if (!this.worker) {
      // layout-worker-entry.mjs registers tsx in the worker, which then runs layout-worker.ts.
      this.worker = new Worker(new URL("./layout-worker-entry.mjs", import.meta.url));
      this.worker.unref();
      this.worker.on("message", ({ id, positions, error }: { id: number; positions?: Positions; error?: string }) => {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (error) waiting?.reject(new Error(error));
        else waiting?.resolve(positions!);
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
      this.worker!.postMessage({ id, input });
    });
  }
}
