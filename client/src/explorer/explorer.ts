import type { Core } from "cytoscape";
import { nodeId, refOfNodeId, type EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import type { Api } from "../api/graphql-client.ts";
import type { SourceInfo } from "../api/types.ts";
import { exportCsv, exportJson, exportPng } from "../export/export-view.ts";
import { refreshCaptions } from "../graph/captions.ts";
import { GraphModel } from "../graph/graph-model.ts";
import { applyVisibility } from "../graph/visibility.ts";
import { toUrl, type UrlState } from "../state/url-state.ts";
import { ControlsPanel, type FilterOptions } from "../ui/controls-panel.ts";
import { copyText } from "../ui/copy-text.ts";
import { DetailsPanel } from "../ui/details-panel.ts";
import { renderLegend } from "../ui/legend.ts";
import { ListView } from "../ui/list-view.ts";
import type { PageElements } from "../ui/page.ts";
import { renderToolbar, type ToolbarActions } from "../ui/toolbar.ts";
import { attachTooltip } from "../ui/tooltip.ts";
import type { ExplorerContext } from "./context.ts";
import { chooseRenderer, createCy } from "./create-cy.ts";
import type { SigmaView } from "../graph/sigma-view.ts";
import { ExpandFocus } from "./expand-focus.ts";
import { Layouts } from "./layouts.ts";
import { Near } from "./near.ts";
import { Paths } from "./paths.ts";
import { Selection } from "./selection.ts";
import { firstViewSize, startExplorer, type FirstView } from "./start.ts";
import { Viewport } from "./viewport.ts";
import { Structure } from "./structure.ts";
import { describeError } from "../api/api-error.ts";
import { DisplayPanel } from "../ui/display-panel.ts";
import { StructurePanel } from "../ui/structure-panel.ts";
import { ViewsPanel } from "../ui/views-panel.ts";
import { QualityPanel } from "../ui/quality-panel.ts";

/**
 * The explorer: a thin core that composes its features (selection, expand and focus, near, paths,
 * layouts, viewport) over one Cytoscape instance and one state. Features change the state, then call
 * commit(), the one path to visibility, legend, list, toolbar and URL. The page's parts only see the
 * narrow actions they are given.
 */
export class Explorer {
  readonly cy: Core;
  private readonly sigma: SigmaView | null; // draws large slices (create-cy.ts)
  private readonly ctx: ExplorerContext;
  private readonly viewport: Viewport;
  private readonly layouts: Layouts;
  private readonly selection: Selection;
  private readonly expandFocus: ExpandFocus;
  private readonly nearFeature: Near;
  private readonly paths: Paths;
  private readonly details: DetailsPanel;
  private readonly controls: ControlsPanel;
  private readonly list: ListView;
  private readonly structure: Structure;
  private readonly displayPanel: DisplayPanel;
  private readonly structurePanel: StructurePanel;
  private readonly viewsPanel: ViewsPanel;
  private readonly qualityPanel: QualityPanel;
  private sources = new Map<string, SourceInfo>();
  private options: FilterOptions = { seasons: [], themes: [], regions: [] };
  private total = 0;
  private shownToolbar = "";

  constructor(
    private readonly page: PageElements,
    api: Api,
    private readonly state: UrlState,
    private readonly first: FirstView,
  ) {
    const asked = new URLSearchParams(window.location.search).get("renderer");
    ({ cy: this.cy, sigma: this.sigma } = createCy(page.graph, chooseRenderer(asked, firstViewSize(first))));
    const graph = new GraphModel(this.cy, state.lang);
    this.ctx = {
      cy: this.cy,
      api,
      page,
      graph,
      state,
      commit: (options) => this.commit(options),
      status: (message, error) => this.status(message, error),
    };
    this.viewport = new Viewport(this.cy);
    this.layouts = new Layouts(this.ctx, this.viewport);
    this.details = new DetailsPanel(page.details, api, state.lang, this.detailsActions(), () => this.sources);
    this.selection = new Selection(this.ctx, this.viewport, this.details);
    this.expandFocus = new ExpandFocus(this.ctx, this.selection, this.layouts, this.viewport);
    this.structure = new Structure(this.ctx);
    this.displayPanel = new DisplayPanel(state.lang, {
      setDisplay: (patch) => {
        this.state.display = { ...this.state.display, ...patch };
        this.commit();
      },
      setUntil: (season) => {
        this.state.filters = { ...this.state.filters, until: season };
        this.commit(); // nothing moves: the timeline only hides and shows
      },
    });
    this.structurePanel = new StructurePanel(state.lang, {
      focusCommunity: (id) => void this.focusCommunity(id),
      land: (ref) => void this.expandFocus.land(ref),
    });
    this.viewsPanel = new ViewsPanel(state.lang, {
      setTitle: (title) => {
        this.state.title = title;
        this.commit();
      },
      viewUrl: (embed) => new URL(toUrl({ ...this.state, embed }), window.location.origin).href,
      copy: (text, button) => void copy(text, button, locales[this.state.lang].structure.copied),
    });
    this.qualityPanel = new QualityPanel(state.lang, api);
    this.controls = new ControlsPanel(
      page.controls,
      state.lang,
      {
        patchFilters: (patch) => {
          this.state.filters = { ...this.state.filters, ...patch };
          this.commit(); // no layout: positions and viewport stay
        },
        near: (place, radiusKm, theme) => void this.nearFeature.near(place, radiusKm, theme),
        clearNear: () => this.nearFeature.clearNear(),
        showPaths: () => void this.paths.showPaths(),
        clearPaths: () => this.paths.clearPaths(),
        land: (ref) => void this.expandFocus.land(ref),
      },
      {
        afterFilters: [this.displayPanel.element],
        atEnd: [this.structurePanel.element, this.viewsPanel.element, this.qualityPanel.element],
      },
    );
    this.nearFeature = new Near(this.ctx, this.layouts, this.controls);
    this.paths = new Paths(this.ctx, this.layouts, this.viewport, this.controls);
    this.list = new ListView(page.list, this.cy, state.lang, (id) => this.selection.select(id, { center: false }));
    this.bindGraphEvents();
    attachTooltip(this.cy, page.tooltip, state.lang);
  }

  /** Loads what the URL asks for and draws it (explorer/start.ts). */
  async start(): Promise<void> {
    await startExplorer(this.ctx, this.first, {
      useReferentials: ({ options, sources }) => {
        this.sources = new Map(sources.map((s) => [s.slug, s]));
        if (options) this.options = filterOptions(options, this.state.lang);
      },
      prepareDisplay: (ids) =>
        this.structure.ensureMetrics(ids).then(
          () => undefined,
          (error) => this.status(describeError(error, this.state.lang), true),
        ),
      setTotal: (total) => void (this.total = total),
      viewport: this.viewport,
      layouts: this.layouts,
      selection: this.selection,
      near: this.nearFeature,
      paths: this.paths,
    });
  }

  /** The Structure section and the curated views, once the graph is drawn (they do not hold up the first render). */
  async loadStructure(): Promise<void> {
    if (this.state.embed) return;
    this.structurePanel.render(undefined, this.state.community);
    this.viewsPanel.render(this.state.title, []);
    const [info, views] = await Promise.all([
      this.structure.loadInfo().catch((error: unknown) => {
        this.structurePanel.render(undefined, null, describeError(error, this.state.lang));
        return undefined;
      }),
      this.ctx.api.views().catch(() => []),
    ]);
    if (info) this.structurePanel.render(info, this.state.community);
    this.viewsPanel.render(this.state.title, views);
    if (info && this.state.display.color === "community") this.commit(); // the legend gets the communities' names
  }

  /** Brings a community forward (the others fade) and frames it; null shows everything again. */
  private async focusCommunity(id: number | null): Promise<void> {
    this.state.community = id;
    await this.structure.ensureMetrics().catch((error) => this.status(describeError(error, this.state.lang), true));
    this.commit();
    this.structurePanel.render(this.structure.info, id);
    if (id === null) return;
    const members = this.structure.membersOf(id);
    const shown = this.cy.nodes().filter((n) => members.includes(n.id()) && !n.hasClass("hidden"));
    if (shown.nonempty()) this.viewport.fitTo(shown, 60);
  }

  /** Search results and links land here. */
  land(ref: Parameters<ExpandFocus["land"]>[0]): Promise<void> {
    return this.expandFocus.land(ref);
  }

  /** After a change: the entity as the server has it now, with its neighbours, selected (or gone, if deleted). */
  async refreshEntity(ref: EntityRef, deleted = false): Promise<void> {
    const id = nodeId(ref);
    if (deleted) {
      this.ctx.graph.forget(id);
      this.selection.unselect();
      return;
    }
    const fresh = this.ctx.graph.sync(id, await this.ctx.api.neighbourhood(ref, 1), `land:${id}`);
    this.ctx.commit();
    await this.layouts.placeNewcomers(fresh);
    this.selection.select(id, { center: fresh.includes(id), push: false });
  }

  /**
   * After a change of many entities (an import accepted): they and the relationships among them,
   * in slices of a thousand, added where they are missing, the newcomers placed. One query per slice
   * rather than one neighbourhood per entity.
   */
  async refreshMany(refs: EntityRef[]): Promise<void> {
    const fresh: string[] = [];
    for (let i = 0; i < refs.length; i += 1000)
      fresh.push(...this.ctx.graph.add(await this.ctx.api.entities(refs.slice(i, i + 1000)), "base"));
    this.ctx.commit();
    await this.layouts.placeNewcomers(fresh);
  }

  /** Calls back with the next node the user taps in the graph (picking the other end of a link). */
  onNextNodeTap(callback: (ref: EntityRef, name: string) => void): () => void {
    const handler = (event: { target: { id(): string; data(key: string): unknown } }) =>
      callback(refOfNodeId(event.target.id()), String(event.target.data("label")));
    this.cy.one("tap", "node", handler as never);
    return () => void this.cy.off("tap", "node", handler as never);
  }

  /** Editing's buttons and history in the details panel. */
  setEditing(editing: Parameters<DetailsPanel["setEditing"]>[0]): void {
    this.details.setEditing(editing);
  }

  status(message: string, error = false): void {
    this.page.status.textContent = message;
    this.page.status.classList.toggle("error", error);
  }

  /** The data of an entity's node, when the page holds it. */
  nodeData(ref: EntityRef): Record<string, unknown> | undefined {
    const node = this.cy.getElementById(nodeId(ref));
    return node.nonempty() ? (node.data() as Record<string, unknown>) : undefined;
  }

  /** After a change: a source it created is offered in the next form. */
  async reloadSources(): Promise<void> {
    const sources = await this.ctx.api.sources().catch(() => undefined);
    if (sources) this.sources = new Map(sources.map((s) => [s.slug, s]));
  }

  /** The sources the graph holds, for the change forms. */
  knownSources(): SourceInfo[] {
    return [...this.sources.values()];
  }

  setView(view: "graph" | "list"): void {
    this.layouts.setView(view);
  }

  /** What the toolbar may do. */
  toolbarActions(): ToolbarActions {
    const stamp = (): string => new Date().toISOString().slice(0, 10);
    return {
      showNetwork: () => {
        this.layouts.setView("graph");
        void this.layouts.setLayout("network");
      },
      showMap: () => {
        this.layouts.setView("graph");
        void this.layouts.setLayout("map");
      },
      showList: () => this.layouts.setView("list"),
      currentUrl: () => new URL(toUrl(this.state), window.location.origin).href,
      exportPng: () => void exportPng(this.cy, this.sigma, `alliance-${stamp()}.png`),
      exportJson: () => exportJson(this.cy, `alliance-${stamp()}.json`),
      exportCsv: (group) => exportCsv(this.cy, group, `alliance-${group === "nodes" ? "noeuds" : "liens"}-${stamp()}.csv`),
      switchLanguage: () => {
        this.state.lang = this.state.lang === "fr" ? "en" : "fr";
        refreshCaptions(this.cy, this.state.lang);
        this.writeUrl(false);
        window.location.reload(); // the page's fixed texts are built once, in one language
      },
    };
  }

  private detailsActions(): ConstructorParameters<typeof DetailsPanel>[3] {
    return {
      land: (ref) => void this.expandFocus.land(ref),
      toggleExpand: (id) => void this.expandFocus.toggleExpand(id),
      isExpanded: (id) => this.expandFocus.isExpanded(id),
      setFocus: (id, depth) => void this.expandFocus.setFocus(id, depth),
      focusDepth: () => this.state.focusDepth,
      setPathEnd: (end, ref) => this.paths.setPathEnd(end, ref),
      copy: (text, button) => void copy(text, button, locales[this.state.lang].ui.linkCopied),
      close: () => this.selection.unselect(),
    };
  }

  /** The one path from "the state changed" to what the page shows and the URL says. */
  private commit({ push = false, controls = false }: { push?: boolean; controls?: boolean } = {}): void {
    const { state, cy } = this;
    const focus = state.focusDepth !== null && state.entity ? { nodeId: nodeId(state.entity), depth: state.focusDepth } : null;
    applyVisibility(cy, state.filters, focus, state.layout === "map" ? this.layouts.offMap : undefined);
    renderLegend(this.controls.legend, cy, state.lang, { legend: this.structure.apply(), choice: state.display });
    if (!state.embed) this.displayPanel.update(state.display, this.options.seasons, state.filters.until, cy.nodes(".new").length);
    if (this.structure.needsMetrics())
      void this.structure.ensureMetrics().then(
        (arrived) => arrived && this.commit(), // newly loaded nodes: sized and coloured as the others
        (error) => this.status(describeError(error, state.lang), true),
      );
    if (state.title) document.title = `${state.title} — ${locales[state.lang].ui.title}`;
    if (state.view === "list") this.list.render();
    if (controls) this.renderControls();
    const shown = cy.nodes().length;
    this.status(this.total > shown ? locales[state.lang].ui.partial(shown, this.total) : "");
    const toolbar = `${state.layout}/${state.view}`;
    if (!state.embed && toolbar !== this.shownToolbar) {
      this.shownToolbar = toolbar;
      renderToolbar(this.page.toolbar, this.toolbarActions(), state.lang, { layout: state.layout, view: state.view });
    }
    this.sigma?.schedule(); // what was added, drawn at the next frame (the rest follows Cytoscape's events)
    this.writeUrl(push);
  }

  private renderControls(): void {
    const names: Record<string, string> = {};
    this.cy.nodes().forEach((n) => void (names[n.id()] = String(n.data("label"))));
    this.controls.render(this.state.filters, this.options, this.state.near, { ...this.paths.ends, names });
  }

  private bindGraphEvents(): void {
    this.cy.on("tap", "node", (event) => this.selection.select(event.target.id(), { center: false, push: true }));
    this.cy.on("dbltap", "node", (event) => void this.expandFocus.toggleExpand(event.target.id()));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) this.selection.clearHighlight();
    });
    window.addEventListener("popstate", () => window.location.reload());
  }

  private writeUrl(push: boolean): void {
    const url = toUrl(this.state);
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }
}

function filterOptions(options: Awaited<ReturnType<Api["filterOptions"]>>, lang: UrlState["lang"]): FilterOptions {
  const t = locales[lang].ui;
  const seasons = new Map<number, string>();
  for (const c of options.cohorts)
    if (!seasons.has(c.season)) seasons.set(c.season, c.startYear && c.endYear ? t.seasonRange(c.startYear, c.endYear, c.season) : c.name);
  return {
    seasons: [...seasons].map(([season, label]) => ({ season, label })),
    themes: options.themes,
    regions: options.regions.map((r) => ({ code: r.inseeCode, name: r.name })),
  };
}

async function copy(text: string, button: HTMLButtonElement, done: string): Promise<void> {
  const label = button.textContent;
  button.textContent = done;
  setTimeout(() => (button.textContent = label), 1500);
  await copyText(text);
}
