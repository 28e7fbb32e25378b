import type { NodeSingular } from "cytoscape";
import { nodeId, refOfNodeId, type EntityRef } from "../../../core/ids.ts";
import type { ExplorerContext } from "./context.ts";
import type { Layouts } from "./layouts.ts";
import type { Selection } from "./selection.ts";
import type { Viewport } from "./viewport.ts";

/** Landing on an entity, expanding and collapsing its neighbours, and focus mode. */
export class ExpandFocus {
  constructor(
    private readonly ctx: ExplorerContext,
    private readonly selection: Selection,
    private readonly layouts: Layouts,
    private readonly viewport: Viewport,
  ) {}

  /** Search and links land here: loaded if needed, then centred, zoomed, selected, neighbours highlighted. */
  async land(ref: EntityRef): Promise<void> {
    const { cy, api, graph, state } = this.ctx;
    const id = nodeId(ref);
    if (cy.getElementById(id).empty()) {
      const fresh = graph.add(await api.neighbourhood(ref, 1), `land:${id}`);
      this.ctx.commit();
      await this.layouts.placeNewcomers(fresh);
    }
    state.focusDepth = null;
    this.selection.select(id, { center: true, push: true });
  }

  isExpanded(id: string): boolean {
    return this.ctx.graph.has(`expand:${id}`);
  }

  /** Double-click or the details button: load the neighbours; again, remove what that brought. */
  async toggleExpand(id: string): Promise<void> {
    const { cy, api, graph } = this.ctx;
    const started = performance.now();
    const origin = `expand:${id}`;
    if (graph.has(origin)) {
      graph.removeOrigin(origin);
      this.ctx.commit();
    } else {
      const node = cy.getElementById(id) as NodeSingular;
      const fresh = graph.add(await api.neighbourhood(refOfNodeId(id), 1), origin, node);
      this.ctx.commit();
      await this.layouts.placeNewcomers(fresh);
    }
    this.selection.select(id, { center: false });
    await nextRender(cy);
    (window as unknown as { __allianceExpandMs?: number }).__allianceExpandMs = performance.now() - started;
  }

  /** Focus mode: only the entity and its neighbourhood to `depth` (loaded from the server first). */
  async setFocus(id: string, depth: number | null): Promise<void> {
    const { cy, api, graph, state } = this.ctx;
    state.focusDepth = depth;
    state.entity = refOfNodeId(id);
    if (depth !== null) {
      const fresh = graph.add(await api.neighbourhood(refOfNodeId(id), depth), `focus:${id}`, cy.getElementById(id) as NodeSingular);
      await this.layouts.placeNewcomers(fresh);
    }
    this.ctx.commit();
    this.viewport.fitShown(60, true);
    this.selection.select(id, { center: false });
  }
}

/** Resolves after Cytoscape has drawn the current state (its next "render" event). */
export function nextRender(cy: ExplorerContext["cy"]): Promise<void> {
  return new Promise((resolve) => {
    if (!cy.container()) return resolve();
    cy.one("render", () => resolve());
    cy.forceRender();
  });
}
