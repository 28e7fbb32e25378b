import { entityPath, nodeId } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { Api } from "../api/graphql-client.ts";
import type { Elements, SourceInfo } from "../api/types.ts";
import type { UrlState } from "../state/url-state.ts";
import { h } from "../ui/dom.ts";
import type { ExplorerContext } from "./context.ts";
import { nextRender } from "./expand-focus.ts";
import type { Layouts } from "./layouts.ts";
import type { Near } from "./near.ts";
import type { Paths } from "./paths.ts";
import type { Selection } from "./selection.ts";
import type { Viewport } from "./viewport.ts";

export interface StartParts {
  useReferentials(referentials: Referentials): void; // filter options and sources
  prepareDisplay(ids: string[]): Promise<void>; // the metrics the display needs, before anything is drawn
  setTotal(total: number): void;
  viewport: Viewport;
  layouts: Layouts;
  selection: Selection;
  near: Near;
  paths: Paths;
}

/**
 * What the first view draws: the overview (with the entity of the URL's neighbourhood, when it
 * exists) or, embedded, the entity's neighbourhood. Loaded before the explorer is made, since its
 * size chooses the renderer (create-cy.ts); a failure is kept, and said once the page is up.
 */
export type FirstView =
  | { ok: true; elements: Elements[]; total: number | null; missing: unknown; referentials: Promise<Referentials> }
  | { ok: false; error: unknown; referentials: Promise<Referentials> };

/** What the filters and the change forms offer: filter options (undefined if unavailable) and sources. */
export interface Referentials {
  options: Awaited<ReturnType<Api["filterOptions"]>> | undefined;
  sources: SourceInfo[];
}

export async function loadFirstView(api: Api, state: UrlState): Promise<FirstView> {
  // Asked for alongside the elements, not after them: they are needed only once the elements are in.
  const referentials = Promise.all([api.filterOptions().catch(() => undefined), api.sources().catch(() => [])]).then(
    ([options, sources]) => ({ options, sources }),
  );
  try {
    if (state.embed && state.entity)
      return {
        ok: true,
        elements: [await api.neighbourhood(state.entity, state.focusDepth ?? 1)],
        total: null,
        missing: undefined,
        referentials,
      };
    const overview = await api.overview(state.limit ?? undefined);
    performance.mark("alliance:data");
    const elements: Elements[] = [overview];
    let missing: unknown;
    if (state.entity) {
      try {
        elements.push(await api.neighbourhood(state.entity, Math.max(1, state.focusDepth ?? 1)));
      } catch (error) {
        if (!(error instanceof ApiError && error.reason === "entity-not-found")) throw error;
        missing = error;
      }
    }
    return { ok: true, elements, total: overview.total ?? overview.nodes.length, missing, referentials };
  } catch (error) {
    return { ok: false, error, referentials };
  }
}

/** How many elements a first view holds (nodes and edges, counted twice where the parts overlap). */
export function firstViewSize(first: FirstView): number {
  return (first.ok ? first.elements : []).reduce((sum, e) => sum + e.nodes.length + e.edges.length, 0);
}

/**
 * The first view: the overview (or, embedded, the entity's neighbourhood), the entity of the URL
 * selected, then "near" and paths if the URL asks for them. An entity that does not exist is said so
 * in the page's language, with every panel in place, search at hand and a link to the overview.
 */
export async function startExplorer(ctx: ExplorerContext, first: FirstView, parts: StartParts): Promise<void> {
  const { graph, state, page } = ctx;
  if (!first.ok) {
    parts.useReferentials(await first.referentials);
    ctx.status(describeError(first.error, state.lang), true);
    return;
  }
  if (first.total !== null) parts.setTotal(first.total);
  // The metrics a styled view needs are asked for before the elements are added: once added,
  // Cytoscape would draw them unstyled while the answer comes, then again (1 s more at 7 500 elements).
  await parts.prepareDisplay(first.elements.flatMap((e) => e.nodes.map((n) => String(n.data.id))));
  for (const elements of first.elements) graph.add(elements, "base");
  const missing = first.missing;
  parts.useReferentials(await first.referentials);
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
