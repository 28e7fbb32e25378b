import { Worker } from "node:worker_threads";
import type { LayoutInput } from "./compute-layout.ts";

type Positions = Record<string, { x: number; y: number }>;

interface Slice {
  current?: { version: string; positions: Positions; at: number }; // the latest finished layout, and when
  running?: { version: string; done: Promise<Positions> }; // at most one computation at a time
}

/** Slices (overview limits) whose layouts are kept: any client may ask for any limit. */
const MAX_SLICES = 8;
/** While the graph keeps changing, a slice's layout is computed again at most this often. */
const MIN_INTERVAL_MS = 10_000;

/**
 * Positions of overview slices, computed in a worker thread and kept per slice for the latest graph
 * version. The first request after a load waits for its layout; while the graph changes under
 * edits, requests are answered at once with the last finished layout (positions are cosmetic: the
 * page places what is new) and at most one computation per slice runs, so that a stream of changes
 * never queues a layout per version (which held every version's layout and jobs in memory), and
 * a slice is laid out again at most every 10 s (the layout worker would otherwise take a core).
 */
export class LayoutService {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();
  private readonly slices = new Map<string, Slice>(); // insertion order = least recently used first

  constructor(private readonly minIntervalMs = MIN_INTERVAL_MS) {}

  positions(slice: string, version: string, input: LayoutInput): Promise<Positions> {
    const state = this.slices.get(slice) ?? {};
    this.slices.delete(slice);
    this.slices.set(slice, state);
    for (const [old] of this.slices) {
      if (this.slices.size <= MAX_SLICES) break;
      this.slices.delete(old);
    }
    if (state.current?.version === version) return Promise.resolve(state.current.positions);
    if (state.running)
      return state.current && state.running.version !== version ? Promise.resolve(state.current.positions) : state.running.done;
    if (state.current && Date.now() - state.current.at < this.minIntervalMs) return Promise.resolve(state.current.positions);
    const done = this.run(input).then(
      (positions) => {
        state.current = { version, positions, at: Date.now() };
        state.running = undefined;
        return positions;
      },
      (error: Error) => {
        state.running = undefined;
        throw error;
      },
    );
    state.running = { version, done };
    return state.current ? Promise.resolve(state.current.positions) : done;
  }

  /** Layouts in memory and computations running: what a soak watches. */
  get size(): { slices: number; running: number } {
    return { slices: this.slices.size, running: [...this.slices.values()].filter((s) => s.running).length };
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
