import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { Api } from "./api/graphql-client.ts";
import type { EntityRef, SourceInfo } from "./api/types.ts";
import { BasemapLayer, type BasemapData } from "./graph/basemap-layer.ts";
import { refreshCaptions } from "./graph/captions.ts";
import { GraphModel } from "./graph/graph-model.ts";
import { kmToModel, project } from "./graph/projection.ts";
import { applyMapPositions, restoreNetworkPositions, runNetworkLayout, rememberNetworkPositions } from "./graph/layouts.ts";
import { stylesheet } from "./graph/stylesheet.ts";
import { applyVisibility, type Filters } from "./graph/visibility.ts";
import { nodeIdOf, refOfNodeId, toUrl, type UrlState } from "./state/url-state.ts";
import { ControlsPanel, type FilterOptions } from "./ui/controls-panel.ts";
import { DetailsPanel } from "./ui/details-panel.ts";
import { strings } from "./ui/i18n.ts";
import { renderLegend } from "./ui/legend.ts";
import { ListView } from "./ui/list-view.ts";
import type { PageElements } from "./ui/page.ts";
import { attachTooltip } from "./ui/tooltip.ts";
import { copyText } from "./ui/copy-text.ts";

cytoscape.use(fcose);

/**
 * The explorer's behaviour: what is loaded, shown, selected and highlighted, and the URL that
 * says so. The page's parts (panels, list, search) call its actions; main.ts only wires.
 */
export class Explorer {
  readonly cy: Core;
  private readonly model: GraphModel;
  private readonly details: DetailsPanel;
  private readonly list: ListView;
  private readonly controls: ControlsPanel;
  private basemap: BasemapLayer | undefined;
  private sources = new Map<string, SourceInfo>();
  private options: FilterOptions = { seasons: [], themes: [], regions: [] };
  private pathEnds: { from: EntityRef | null; to: EntityRef | null } = { from: null, to: null };
  private total = 0;
  private offMap = new Set<string>(); // what the map layout cannot place (themes, cohorts…)
  /** Told when the layout or the view changes, whoever changed it (a button, "allies near"…). */
  onViewChange: (layout: "network" | "map", view: "graph" | "list") => void = () => undefined;
  private shownView = "";

  constructor(
    private readonly page: PageElements,
    private readonly api: Api,
    private state: UrlState,
  ) {
    this.cy = createCy(page.graph, new URLSearchParams(window.location.search).get("renderer") === "webgl");
    this.model = new GraphModel(this.cy, state.lang);
    this.list = new ListView(page.list, this.cy, (id) => this.select(id, { center: false }));
    this.controls = new ControlsPanel(page.controls, {
      patchFilters: (patch) => this.setFilters({ ...this.state.filters, ...patch }),
      near: (place, radiusKm) => void this.near(place, radiusKm),
      clearNear: () => this.clearNear(),
      showPaths: () => void this.showPaths(),
      clearPaths: () => this.clearPaths(),
      land: (ref) => void this.land(ref),
    });
    this.details = new DetailsPanel(
      page.details,
      api,
      {
        land: (ref) => void this.land(ref),
        toggleExpand: (id) => void this.toggleExpand(id),
        isExpanded: (id) => this.model.has(`expand:${id}`),
        setFocus: (id, depth) => void this.setFocus(id, depth),
        focusDepth: () => this.state.focusDepth,
        setPathEnd: (end, ref) => this.setPathEnd(end, ref),
        copy: (text, button) => void copy(text, button, strings[this.state.lang].linkCopied),
        close: () => this.unselect(),
      },
      () => this.sources,
    );
    this.bindGraphEvents();
    attachTooltip(this.cy, page.tooltip, () => this.state.lang);
  }

  async start(): Promise<void> {
    this.status(strings[this.state.lang].loading);
    const [options, sources] = await Promise.all([this.api.filterOptions().catch(() => undefined), this.api.sources().catch(() => [])]);
    this.sources = new Map(sources.map((s) => [s.slug, s]));
    if (options) {
      const seasons = new Map<number, string>();
      for (const c of options.cohorts) if (!seasons.has(c.season)) seasons.set(c.season, c.startYear && c.endYear ? `${c.startYear}-${c.endYear} (${this.state.lang === "fr" ? "saison" : "season"} ${c.season})` : c.name);
      this.options = { seasons: [...seasons].map(([season, label]) => ({ season, label })), themes: options.themes, regions: options.regions.map((r) => ({ code: r.inseeCode, name: r.name })) };
    }
    try {
      if (this.state.embed && this.state.entity) {
        this.model.add(await this.api.neighbourhood(this.state.entity, this.state.focusDepth ?? 1), "base");
      } else {
        const overview = await this.api.overview(this.state.limit ?? undefined);
        performance.mark("alliance:data");
        this.total = overview.total ?? overview.nodes.length;
        this.model.add(overview, "base");
        if (this.state.entity) this.model.add(await this.api.neighbourhood(this.state.entity, Math.max(1, this.state.focusDepth ?? 1)), "base");
      }
    } catch (error) {
      this.status((error as Error).message, true);
      return;
    }
    this.renderControls();
    this.adaptToSize();
    await this.layout();
    if (this.state.entity) {
      if (this.cy.getElementById(nodeIdOf(this.state.entity)).empty()) this.status(strings[this.state.lang].notFound(`${this.state.entity.kind} « ${this.state.entity.slug} »`), true);
      else this.select(nodeIdOf(this.state.entity), { center: true, push: false });
    }
    if (this.state.near) await this.near(this.state.near.place, this.state.near.radiusKm);
    if (this.state.path) {
      this.pathEnds = { ...this.state.path };
      await this.showPaths();
    }
    this.refresh();
    this.setView(this.state.view);
    await nextRender(this.cy);
    performance.mark("alliance:rendered"); // data received → first complete render: measured by npm run bench
    this.page.root.dataset.ready = "true";
  }

  // ------------------------------------------------------------------ actions

  /** Search and links land here: loaded if needed, then centred, zoomed, selected, neighbours highlighted. */
  async land(ref: EntityRef): Promise<void> {
    const id = nodeIdOf(ref);
    if (this.cy.getElementById(id).empty()) {
      const fresh = this.model.add(await this.api.neighbourhood(ref, 1), `land:${id}`);
      this.refresh();
      await this.placeNewcomers(fresh);
    }
    if (this.state.focusDepth !== null) this.state.focusDepth = null;
    this.select(id, { center: true, push: true });
  }

  select(id: string, { center = true, push = false }: { center?: boolean; push?: boolean } = {}): void {
    const node = this.cy.getElementById(id) as NodeSingular;
    if (node.empty()) return;
    this.cy.elements().unselect();
    node.select();
    this.highlightNeighbourhood(node);
    this.state.entity = refOfNodeId(id);
    this.details.show(node, this.state.lang);
    this.cy.resize(); // the details panel took its place beside the graph
    if (center && !node.hasClass("hidden")) this.cy.animate(this.centredOn(node), { duration: 350 });
    this.writeUrl(push);
    if (this.state.view === "list") this.list.render(this.state.lang);
  }

  unselect(): void {
    this.cy.elements().unselect().removeClass("highlight faded");
    this.details.clear();
    this.state.entity = null;
    this.state.focusDepth = null;
    this.refresh();
  }

  /** Double-click or the details button: load the neighbours; again, remove what that brought. */
  async toggleExpand(id: string): Promise<void> {
    const started = performance.now();
    const origin = `expand:${id}`;
    if (this.model.has(origin)) {
      this.model.removeOrigin(origin);
      this.refresh();
    } else {
      const node = this.cy.getElementById(id) as NodeSingular;
      const fresh = this.model.add(await this.api.neighbourhood(refOfNodeId(id), 1), origin, node);
      this.refresh();
      await this.placeNewcomers(fresh);
    }
    this.select(id, { center: false });
    await nextRender(this.cy);
    (window as unknown as { __allianceExpandMs?: number }).__allianceExpandMs = performance.now() - started;
  }

  /** Focus mode: only the entity and its neighbourhood to `depth` (loaded from the server first). */
  async setFocus(id: string, depth: number | null): Promise<void> {
    this.state.focusDepth = depth;
    this.state.entity = refOfNodeId(id);
    if (depth !== null) {
      const fresh = this.model.add(await this.api.neighbourhood(refOfNodeId(id), depth), `focus:${id}`, this.cy.getElementById(id) as NodeSingular);
      await this.placeNewcomers(fresh);
    }
    this.refresh();
    this.cy.animate({ fit: { eles: this.cy.elements().not(".hidden"), padding: 60 } }, { duration: 300 });
    this.select(id, { center: false });
  }

  setFilters(filters: Filters): void {
    this.state.filters = filters;
    this.refresh(); // no layout: positions and viewport stay
  }

  async setLayout(layout: "network" | "map"): Promise<void> {
    if (this.state.layout === layout) return;
    if (this.state.layout === "network") rememberNetworkPositions(this.cy.nodes());
    this.state.layout = layout;
    await this.layout();
    this.writeUrl(false);
  }

  setView(view: "graph" | "list"): void {
    this.state.view = view;
    this.page.graph.hidden = view === "list";
    this.page.list.hidden = view !== "list";
    this.page.root.dataset.view = view;
    if (view === "list") this.list.render(this.state.lang);
    else this.cy.resize();
    this.writeUrl(false);
  }

  /** "Allies near…": the allies light up with their distance and the place that makes them near; the map shows the circle. */
  async near(place: string, radiusKm: number): Promise<void> {
    if (!place) return;
    let result;
    try {
      result = await this.api.alliesNear(place, radiusKm);
    } catch (error) {
      this.controls.showNearResults(this.state.lang, null, error, (label) => void this.near(label, radiusKm));
      return;
    }
    this.model.removeOrigin("near");
    const refs = result.hits.flatMap((hit) => [{ kind: hit.ally.kind, slug: hit.ally.slug }, ...(hit.via ? [{ kind: hit.via.kind, slug: hit.via.slug }] : [])]);
    const missing = refs.filter((ref) => this.cy.getElementById(nodeIdOf(ref)).empty());
    if (missing.length > 0) this.model.add(await this.api.entities(missing), "near");
    this.state.near = { place: result.place.name === place ? place : place, radiusKm };
    this.cy.nodes().removeClass("near");
    const t = strings[this.state.lang];
    for (const hit of result.hits) {
      const node = this.cy.getElementById(nodeIdOf({ kind: "ally", slug: hit.ally.slug }));
      node.addClass("near").data("nearLabel", `${hit.ally.name}\n${t.kmFrom(hit.distanceKm, hit.via?.name ?? "?")}`);
    }
    const lit = this.cy.nodes(".near");
    const viaIds = new Set(result.hits.filter((hit) => hit.via).map((hit) => nodeIdOf(hit.via!)));
    const vias = this.cy.nodes().filter((n) => viaIds.has(n.id()));
    this.cy.elements().addClass("faded");
    lit.union(vias).union(lit.edgesWith(vias)).removeClass("faded");
    this.controls.showNearResults(this.state.lang, result.hits);
    if (this.state.layout !== "map") await this.setLayout("map");
    else await this.layout();
    if (result.place.latitude !== null && result.place.longitude !== null) {
      this.basemap?.setCircle({ latitude: result.place.latitude, longitude: result.place.longitude, radiusKm });
      this.fitCircle(result.place.longitude, result.place.latitude, radiusKm);
    }
    this.refresh();
  }

  clearNear(): void {
    this.state.near = null;
    this.model.removeOrigin("near");
    this.cy.nodes().removeClass("near");
    this.cy.elements().removeClass("faded");
    this.basemap?.setCircle(null);
    this.controls.showNearResults(this.state.lang, null);
    this.renderControls();
    this.refresh();
  }

  setPathEnd(end: "from" | "to", ref: EntityRef): void {
    this.pathEnds[end] = ref;
    this.renderControls();
  }

  /** "How are these connected?": every shortest path between the two, highlighted. */
  async showPaths(): Promise<void> {
    const { from, to } = this.pathEnds;
    if (!from || !to) return;
    const t = strings[this.state.lang];
    this.model.removeOrigin("path");
    const elements = await this.api.paths(from, to);
    this.state.path = { from, to };
    if (elements.nodes.length === 0) {
      this.controls.showPathStatus(t.pathNone);
      this.writeUrl(false);
      return;
    }
    const fresh = this.model.add(elements, "path");
    this.refresh();
    await this.placeNewcomers(fresh);
    this.cy.elements().removeClass("path").addClass("faded");
    const onPathIds = new Set([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    const onPath = this.cy.elements().filter((e) => onPathIds.has(e.id()));
    onPath.addClass("path").removeClass("faded");
    this.controls.showPathStatus(`${elements.edges.length} ${this.state.lang === "fr" ? "liens" : "links"}`);
    this.cy.animate({ fit: { eles: onPath, padding: 80 } }, { duration: 300 });
    this.writeUrl(false);
  }

  clearPaths(): void {
    this.pathEnds = { from: null, to: null };
    this.state.path = null;
    this.model.removeOrigin("path");
    this.cy.elements().removeClass("path faded");
    this.controls.showPathStatus("");
    this.renderControls();
    this.refresh();
  }

  setLang(lang: "fr" | "en"): void {
    this.state.lang = lang;
    this.model.setLang(lang);
    refreshCaptions(this.cy, lang);
    this.writeUrl(false);
    window.location.reload(); // the page's fixed texts are built once, in one language
  }

  currentUrl(): string {
    return new URL(toUrl(this.state), window.location.origin).href;
  }

  // ------------------------------------------------------------------ internals

  /**
   * Level of detail for big graphs: labels only when zoomed in far enough to read them, and edges
   * left out while the view moves (drawn again when it stops), so that panning stays smooth.
   */
  private adaptToSize(): void {
    const big = this.cy.elements().length > 3000;
    this.cy.style().selector("node").style("min-zoomed-font-size", big ? 16 : 9).update();
    // Cytoscape reads this renderer option at start; it is safe to change on the live renderer.
    (this.cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer().hideEdgesOnViewport = big;
  }

  /** Filters, focus, legend, list and URL after any change of what is loaded or shown. */
  refresh(): void {
    const focus = this.state.focusDepth !== null && this.state.entity ? { nodeId: nodeIdOf(this.state.entity), depth: this.state.focusDepth } : null;
    applyVisibility(this.cy, this.state.filters, focus, this.state.layout === "map" ? this.offMap : undefined);
    renderLegend(this.controls.legend, this.cy, this.state.lang);
    if (this.state.view === "list") this.list.render(this.state.lang);
    const shown = this.cy.nodes().length;
    this.status(this.total > shown ? strings[this.state.lang].partial(shown, this.total) : "");
    this.writeUrl(false);
  }

  private async layout(): Promise<void> {
    if (this.state.layout === "map") {
      this.offMap = applyMapPositions(this.cy);
      this.refresh();
      await this.showBasemap(true);
      this.cy.fit(this.cy.nodes().not(".hidden"), 60);
    } else {
      this.refresh();
      await this.showBasemap(false);
      const unplaced = restoreNetworkPositions(this.cy);
      if (unplaced.length === this.cy.nodes().length) await runNetworkLayout(this.cy);
      else if (unplaced.nonempty()) await runNetworkLayout(this.cy, unplaced);
      this.cy.fit(this.cy.nodes().not(".hidden"), 40);
    }
    this.cy.nodes().toggleClass("approximate", false);
    if (this.state.layout === "map") this.cy.nodes("[?locationApproximate]").addClass("approximate");
  }

  private async placeNewcomers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.state.layout === "map") {
      this.offMap = applyMapPositions(this.cy);
      this.refresh();
      return;
    }
    // On a big graph, newcomers keep the places they were given beside their anchor: a layout run
    // with thousands of fixed nodes would cost seconds for a handful of new ones.
    if (this.cy.nodes().length > 1500) {
      this.cy.nodes().filter((n) => ids.includes(n.id())).forEach((n) => void n.scratch("_net", { ...n.position() }));
      return;
    }
    const wanted = new Set(ids);
    await runNetworkLayout(this.cy, this.cy.nodes().filter((n) => wanted.has(n.id())));
  }

  private async showBasemap(visible: boolean): Promise<void> {
    if (visible && !this.basemap) {
      const response = await fetch("/basemap.json");
      if (response.ok) {
        const data = (await response.json()) as BasemapData;
        this.basemap = new BasemapLayer(this.cy, this.page.stage, data);
        this.page.credits.textContent = data.credits;
      }
    }
    this.basemap?.show(visible);
    this.page.credits.hidden = !visible;
    this.page.root.dataset.layout = this.state.layout;
  }

  /** Frames the search circle: everything near is inside it. */
  private fitCircle(longitude: number, latitude: number, radiusKm: number): void {
    const center = project(longitude, latitude);
    const zoom = Math.min(this.cy.width(), this.cy.height()) / (2.3 * kmToModel(Math.max(radiusKm, 5)));
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - center.x * zoom, y: this.cy.height() / 2 - center.y * zoom } });
  }

  /** The node in the middle, zoomed in as far as its shown neighbours all stay in view (at most 1.6). */
  private centredOn(node: NodeSingular): { zoom: number; pan: { x: number; y: number } } {
    const p = node.position();
    let dx = 60;
    let dy = 60;
    node.neighborhood("node").not(".hidden").forEach((neighbour) => {
      const q = (neighbour as NodeSingular).position();
      dx = Math.max(dx, Math.abs(q.x - p.x) + 70); // room for the label
      dy = Math.max(dy, Math.abs(q.y - p.y) + 40);
    });
    const zoom = Math.max(0.2, Math.min(1.6, this.cy.width() / (2 * dx), this.cy.height() / (2 * dy)));
    return { zoom, pan: { x: this.cy.width() / 2 - p.x * zoom, y: this.cy.height() / 2 - p.y * zoom } };
  }

  private highlightNeighbourhood(node: NodeSingular): void {
    if (this.cy.nodes(".near, .path").nonempty()) return; // a search result's highlight wins
    this.cy.elements().removeClass("highlight").addClass("faded");
    node.closedNeighborhood().removeClass("faded").addClass("highlight");
  }

  private bindGraphEvents(): void {
    this.cy.on("tap", "node", (event) => this.select(event.target.id(), { center: false, push: true }));
    this.cy.on("dbltap", "node", (event) => void this.toggleExpand(event.target.id()));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) {
        this.cy.elements().removeClass("highlight faded");
        if (this.cy.nodes(".near").nonempty() || this.cy.nodes(".path").nonempty()) return;
      }
    });
    window.addEventListener("popstate", () => window.location.reload());
  }

  private renderControls(): void {
    const names: Record<string, string> = {};
    this.cy.nodes().forEach((n) => void (names[n.id()] = String(n.data("label"))));
    this.controls.render(this.state.lang, this.state.filters, this.options, this.state.near, { ...this.pathEnds, names });
  }

  private writeUrl(push: boolean): void {
    const view = `${this.state.layout}/${this.state.view}`;
    if (view !== this.shownView) {
      this.shownView = view;
      this.onViewChange(this.state.layout, this.state.view);
    }
    const url = toUrl(this.state);
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  private status(message: string, error = false): void {
    this.page.status.textContent = message;
    this.page.status.classList.toggle("error", error);
  }
}

/**
 * The Cytoscape instance. `webgl` asks for Cytoscape's WebGL renderer (experimental since 3.31,
 * ?renderer=webgl): used only where WebGL2 exists, else the canvas renderer, which is the default.
 */
function createCy(container: HTMLElement, webgl: boolean): Core {
  const options = {
    container,
    style: stylesheet(),
    minZoom: 0.02,
    maxZoom: 4,
    textureOnViewport: true, // pan and zoom a snapshot on big graphs, redraw when still
    hideEdgesOnViewport: false,
    pixelRatio: "auto" as const,
  };
  if (webgl && hardwareWebgl2()) {
    try {
      const cy = cytoscape({ ...options, webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } as never);
      container.dataset.renderer = "webgl";
      return cy;
    } catch (error) {
      console.warn("WebGL renderer unavailable, falling back to canvas", error);
    }
  }
  container.dataset.renderer = "canvas";
  return cytoscape(options);
}

/** WebGL2 drawn by a GPU: a software implementation (SwiftShader, llvmpipe) is slower than the canvas. */
function hardwareWebgl2(): boolean {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
}

/** Resolves after Cytoscape has drawn the current state (its next "render" event). */
function nextRender(cy: Core): Promise<void> {
  return new Promise((resolve) => {
    if (!cy.container()) return resolve();
    cy.one("render", () => resolve());
    cy.forceRender();
  });
}

async function copy(text: string, button: HTMLButtonElement, done: string): Promise<void> {
  const label = button.textContent;
  button.textContent = done;
  setTimeout(() => (button.textContent = label), 1500);
  await copyText(text);
}
