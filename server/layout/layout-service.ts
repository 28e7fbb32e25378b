import { WorkerCalls } from "../worker-calls.ts";
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
  private readonly worker = new WorkerCalls<LayoutInput, Positions>(new URL("./layout-worker.ts", import.meta.url));
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

  close(): Promise<void> {
    return this.worker.close();
  }

  private run(input: LayoutInput): Promise<Positions> {
    return this.worker.call(input);
  }
}
