import { entityPath, nodeId, type EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { Elements } from "../api/types.ts";
import { h } from "../ui/dom.ts";
import type { ExplorerContext } from "./context.ts";
import { nextRender } from "./expand-focus.ts";
import type { Layouts } from "./layouts.ts";
import type { Near } from "./near.ts";
import type { Paths } from "./paths.ts";
import type { Selection } from "./selection.ts";
import type { Viewport } from "./viewport.ts";

export interface StartParts {
  loadReferentials(): Promise<void>; // filter options and sources
  prepareDisplay(ids: string[]): Promise<void>; // the metrics the display needs, before anything is drawn
  setTotal(total: number): void;
  viewport: Viewport;
  layouts: Layouts;
  selection: Selection;
  near: Near;
  paths: Paths;
}

/**
 * The first view: the overview (or, embedded, the entity's neighbourhood), the entity of the URL
 * selected, then "near" and paths if the URL asks for them. An entity that does not exist is said so
 * in the page's language, with every panel in place, search at hand and a link to the overview.
 */
export async function startExplorer(ctx: ExplorerContext, parts: StartParts): Promise<void> {
  const { api, graph, state, page } = ctx;
  const t = locales[state.lang].ui;
  ctx.status(t.loading);
  await parts.loadReferentials();
  let missing: unknown;
  try {
    // The metrics a styled view needs are asked for before the elements are added: once added,
    // Cytoscape would draw them unstyled while the answer comes, then again (1 s more at 7 500 elements).
    if (state.embed && state.entity) {
      const elements = await api.neighbourhood(state.entity, state.focusDepth ?? 1);
      await parts.prepareDisplay(elements.nodes.map((n) => String(n.data.id)));
      graph.add(elements, "base");
    } else {
      const overview = await api.overview(state.limit ?? undefined);
      performance.mark("alliance:data");
      parts.setTotal(overview.total ?? overview.nodes.length);
      await parts.prepareDisplay(overview.nodes.map((n) => String(n.data.id)));
      graph.add(overview, "base");
      if (state.entity) missing = await addEntity(ctx, state.entity, Math.max(1, state.focusDepth ?? 1));
    }
  } catch (error) {
    ctx.status(describeError(error, state.lang), true);
    return;
  }
  ctx.commit({ controls: true });
  parts.viewport.adaptToSize();
  await parts.layouts.run();
  if (state.entity && missing) {
    showMissing(ctx, missing);
    state.entity = null;
    state.focusDepth = null;
  } else if (state.entity) {
    parts.selection.select(nodeId(state.entity), { center: true, push: false });
  }
  if (state.near) await parts.near.near(state.near.place, state.near.radiusKm, state.near.theme);
  if (state.path) {
    parts.paths.ends.from = state.path.from;
    parts.paths.ends.to = state.path.to;
    await parts.paths.showPaths();
  }
  parts.layouts.setView(state.view);
  await nextRender(ctx.cy);
  performance.mark("alliance:rendered"); // data received → first complete render: measured by npm run bench
  page.root.dataset.ready = "true";
}

/** Adds the entity's neighbourhood; returns the error when the entity does not exist. */
async function addEntity(ctx: ExplorerContext, ref: EntityRef, depth: number): Promise<unknown> {
  let elements: Elements;
  try {
    elements = await ctx.api.neighbourhood(ref, depth);
  } catch (error) {
    if (error instanceof ApiError && error.reason === "entity-not-found") return error;
    throw error;
  }
  ctx.graph.add(elements, "base");
  return undefined;
}

/** The notice over the graph: what was asked for is not there, and where to go instead. */
function showMissing(ctx: ExplorerContext, error: unknown): void {
  const { page, state } = ctx;
  const t = locales[state.lang].ui;
  const overview = `/${state.lang === "en" ? "?lang=en" : ""}`;
  page.notice.replaceChildren(
    h("p", { className: "notice-title" }, describeError(error, state.lang)),
    h("p", {}, t.entityMissing),
    h("p", {}, h("a", { href: overview, id: "show-overview" }, t.overview)),
  );
  page.notice.hidden = false;
  page.root.dataset.missing = state.entity ? entityPath(state.entity) : "";
}
