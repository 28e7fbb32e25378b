import { BasemapLayer, type BasemapData, type Circle } from "../graph/basemap-layer.ts";
import { applyMapPositions, restoreNetworkPositions, rememberNetworkPositions, runNetworkLayout } from "../graph/layouts.ts";
import type { ExplorerContext } from "./context.ts";
import type { Viewport } from "./viewport.ts";

/** The two layouts (network, map over France's base map) and the two views (graph, list). */
export class Layouts {
  private basemap: BasemapLayer | undefined;
  /** What the map layout cannot place (themes, cohorts…): hidden while the map shows. */
  offMap = new Set<string>();

  constructor(
    private readonly ctx: ExplorerContext,
    private readonly viewport: Viewport,
  ) {}

  async setLayout(layout: "network" | "map"): Promise<void> {
    if (this.ctx.state.layout === layout) return;
    if (this.ctx.state.layout === "network") rememberNetworkPositions(this.ctx.cy.nodes());
    this.ctx.state.layout = layout;
    await this.run();
    this.ctx.commit();
  }

  setView(view: "graph" | "list"): void {
    const { page, state, cy } = this.ctx;
    state.view = view;
    page.graph.hidden = view === "list";
    page.list.hidden = view !== "list";
    page.root.dataset.view = view;
    if (view === "graph") cy.resize();
    this.ctx.commit();
  }

  /** Lays out what is loaded in the current layout, then fits it in the view. */
  async run(): Promise<void> {
    const { cy, state } = this.ctx;
    if (state.layout === "map") {
      this.offMap = applyMapPositions(cy);
      this.ctx.commit();
      await this.showBasemap(true);
      cy.fit(cy.nodes().not(".hidden"), 60);
    } else {
      this.offMap = new Set();
      this.ctx.commit();
      await this.showBasemap(false);
      const unplaced = restoreNetworkPositions(cy);
      if (unplaced.length === cy.nodes().length) await runNetworkLayout(cy);
      else if (unplaced.nonempty()) await runNetworkLayout(cy, unplaced);
      cy.fit(cy.nodes().not(".hidden"), 40);
    }
    cy.nodes(".approximate").removeClass("approximate"); // only those that have it: a restyle of every node costs
    if (state.layout === "map") cy.nodes("[?locationApproximate]").addClass("approximate");
  }

  /** Places nodes just loaded without moving the others. */
  async placeNewcomers(ids: string[]): Promise<void> {
    const { cy, state } = this.ctx;
    if (ids.length === 0) return;
    if (state.layout === "map") {
      this.offMap = applyMapPositions(cy);
      this.ctx.commit();
      return;
    }
    // On a big graph, newcomers keep the places they were given beside their anchor: a layout run
    // with thousands of fixed nodes would cost seconds for a handful of new ones.
    if (cy.nodes().length > 1500) {
      cy.nodes()
        .filter((n) => ids.includes(n.id()))
        .forEach((n) => void n.scratch("_net", { ...n.position() }));
      return;
    }
    // Hundreds at once (an import accepted): the whole network laid out again is faster than fcose
    // holding every other node fixed, and the newcomers are most of what there is to see.
    if (ids.length > 150) return void (await runNetworkLayout(cy));
    const wanted = new Set(ids);
    await runNetworkLayout(
      cy,
      cy.nodes().filter((n) => wanted.has(n.id())),
    );
  }

  setCircle(circle: Circle | null): void {
    this.basemap?.setCircle(circle);
    if (circle) this.viewport.frameCircle(circle.longitude, circle.latitude, circle.radiusKm);
  }

  private async showBasemap(visible: boolean): Promise<void> {
    const { page, cy, state } = this.ctx;
    if (visible && !this.basemap) {
      const response = await fetch("/basemap.json");
      if (response.ok) {
        const data = (await response.json()) as BasemapData;
        this.basemap = new BasemapLayer(cy, page.stage, data);
        page.credits.textContent = data.credits;
      }
    }
    this.basemap?.show(visible);
    page.credits.hidden = !visible;
    page.root.dataset.layout = state.layout;
  }
}
