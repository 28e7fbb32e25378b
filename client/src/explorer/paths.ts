import { locales } from "../../../core/locales/index.ts";
import type { EntityRef } from "../api/types.ts";
import type { ExplorerContext } from "./context.ts";
import type { Layouts } from "./layouts.ts";
import type { Viewport } from "./viewport.ts";

/** Where the outcome of "how are they connected?" is said (the controls panel). */
export interface PathStatusView {
  showPathStatus(message: string): void;
}

/** "How are these connected?": two ends picked in the details panel, every shortest path between them highlighted. */
export class Paths {
  /** The ends picked so far (the URL holds them once both are there). */
  readonly ends: { from: EntityRef | null; to: EntityRef | null } = { from: null, to: null };

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly layouts: Layouts,
    private readonly viewport: Viewport,
    private readonly view: PathStatusView,
  ) {}

  setPathEnd(end: "from" | "to", ref: EntityRef): void {
    this.ends[end] = ref;
    this.ctx.commit({ controls: true });
  }

  async showPaths(): Promise<void> {
    const { cy, api, graph, state } = this.ctx;
    const { from, to } = this.ends;
    if (!from || !to) return;
    const t = locales[state.lang].ui;
    graph.removeOrigin("path");
    const elements = await api.paths(from, to);
    state.path = { from, to };
    if (elements.nodes.length === 0) {
      this.view.showPathStatus(t.pathNone);
      this.ctx.commit();
      return;
    }
    const fresh = graph.add(elements, "path");
    this.ctx.commit();
    await this.layouts.placeNewcomers(fresh);
    cy.elements().removeClass("path").addClass("faded");
    const onPathIds = new Set([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    const onPath = cy.elements().filter((e) => onPathIds.has(e.id()));
    onPath.addClass("path").removeClass("faded");
    this.view.showPathStatus(t.linkCount(elements.edges.length));
    this.viewport.fitTo(onPath, 80);
    this.ctx.commit();
  }

  clearPaths(): void {
    const { cy, graph, state } = this.ctx;
    this.ends.from = null;
    this.ends.to = null;
    state.path = null;
    graph.removeOrigin("path");
    cy.elements().removeClass("path faded");
    this.view.showPathStatus("");
    this.ctx.commit({ controls: true });
  }
}
