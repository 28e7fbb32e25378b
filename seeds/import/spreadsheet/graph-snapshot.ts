import type { Label } from "../../../core/model/index.ts";

/**
 * What an import compares its rows with: the graph's entities of the kinds it touches, each with
 * its properties and its relationships (so that a row that repeats what the graph holds changes
 * nothing). Read once per preview (read-graph-snapshot.ts), then everything is computed in memory.
 */
export interface GraphSnapshot {
  entities: SnapshotEntity[];
}

export interface SnapshotEntity {
  label: Label;
  slug: string;
  props: Record<string, unknown>;
  relationships: { type: string; out: boolean; label: Label; slug: string; props: Record<string, unknown> }[];
}

export const emptySnapshot: GraphSnapshot = { entities: [] };
