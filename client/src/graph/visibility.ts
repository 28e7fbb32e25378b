import type { CollectionArgument, Core, EdgeSingular, NodeCollection, NodeSingular } from "cytoscape";
import type { EntityKind } from "../api/types.ts";
import { edgeSeason, nodeSeasons } from "./seasons.ts";

export interface Filters {
  kinds: EntityKind[] | null; // null: every kind
  season: number | null;
  theme: string | null; // theme slug
  region: string | null; // région INSEE code
  until: number | null; // the timeline: what had appeared by the end of that season (null: everything)
}

export interface Focus {
  nodeId: string;
  depth: number; // 1..3
}

export const noFilters: Filters = { kinds: null, season: null, theme: null, region: null, until: null };

/**
 * Hides (display: none) what the filters and the focus leave out. Nothing moves: positions and
 * the viewport stay as they are, so the user does not lose their place.
 */
export function applyVisibility(cy: Core, filters: Filters, focus: Focus | null, excluded: Set<string> = new Set()): void {
  const keep = keptNodes(cy, filters, focus);
  for (const id of excluded) keep.delete(id);
  const seasonal = filters.season !== null || filters.until !== null;
  // Only the elements whose classes change are touched, in one call per class: a commit runs on
  // every change of state, and most leave almost everything as it was (tens of thousands of
  // elements at the largest overviews, where a call per element took a quarter of a second).
  const [hidden, shown, fresh, stale]: (NodeSingular | EdgeSingular)[][] = [[], [], [], []];
  cy.nodes().forEach((node) => {
    const kept = keep.has(node.id());
    if (kept === node.hasClass("hidden")) (kept ? shown : hidden).push(node);
    // On the timeline, what appeared in the season shown stands out.
    const isNew = filters.until !== null && kept && nodeSeasons(node)[0] === filters.until;
    if (isNew !== node.hasClass("new")) (isNew ? fresh : stale).push(node);
  });
  cy.edges().forEach((edge) => {
    // data("source"): the end's id without building a collection per edge, as edge.source() does
    const endsShown = keep.has(edge.data("source") as string) && keep.has(edge.data("target") as string);
    const season = seasonal ? edgeSeason(edge) : null;
    const inSeason =
      season === null || ((filters.season === null || season === filters.season) && (filters.until === null || season <= filters.until));
    const kept = endsShown && inSeason;
    if (kept === edge.hasClass("hidden")) (kept ? shown : hidden).push(edge);
  });
  cy.batch(() => {
    if (hidden.length) collection(cy, hidden).addClass("hidden");
    if (shown.length) collection(cy, shown).removeClass("hidden");
    if (fresh.length) collection(cy, fresh).addClass("new");
    if (stale.length) collection(cy, stale).removeClass("new");
  });
}

/** A collection of elements already in the graph (Cytoscape takes them; its types list only definitions). */
function collection(cy: Core, elements: (NodeSingular | EdgeSingular)[]) {
  return cy.collection(elements as unknown as CollectionArgument);
}

export function keptNodes(cy: Core, filters: Filters, focus: Focus | null): Set<string> {
  let nodes: NodeCollection = cy.nodes();
  if (filters.kinds) nodes = nodes.filter((n) => filters.kinds!.includes(n.data("kind")));
  if (filters.season !== null) nodes = nodes.intersection(bySeason(cy, (seasons) => seasons.includes(filters.season!)));
  if (filters.until !== null) nodes = nodes.intersection(bySeason(cy, (seasons) => seasons[0]! <= filters.until!));
  if (filters.theme) nodes = nodes.intersection(byTheme(cy, filters.theme));
  if (filters.region) nodes = nodes.intersection(byRegion(cy, filters.region));
  if (focus) nodes = nodes.intersection(withinDepth(cy, nodes, focus));
  return new Set(nodes.map((n) => n.id()));
}

/**
 * What took part in the seasons asked for (one season, or every season up to the timeline's), and
 * the context it needs: the places and themes next to it that have no season of their own (a
 * département, "alimentation"). An initiative or an ally without a season is not context: it
 * happened some other time.
 */
function bySeason(cy: Core, wanted: (seasons: number[]) => boolean): NodeCollection {
  const seasoned = cy.nodes().filter((n) => {
    const seasons = nodeSeasons(n);
    return seasons.length > 0 && wanted(seasons);
  });
  const context = seasoned
    .neighborhood("node")
    .filter(
      (n) => (n.data("kind") === "territory" || n.data("kind") === "theme") && nodeSeasons(n as NodeSingular).length === 0,
    ) as NodeCollection;
  return seasoned.union(context);
}

/** The theme, the initiatives about it, and their neighbours. */
function byTheme(cy: Core, themeSlug: string): NodeCollection {
  const theme = cy.nodes(`[kind = "theme"][slug = "${cssEscape(themeSlug)}"]`);
  const initiatives = theme.neighborhood('node[kind = "initiative"]');
  return theme.union(initiatives).union(initiatives.neighborhood("node")) as NodeCollection;
}

/** The territories of the région, and what is based, active or located in them. */
function byRegion(cy: Core, regionCode: string): NodeCollection {
  const territories = cy.nodes('[kind = "territory"]').filter((n) => n.data("regionCode") === regionCode);
  const around = territories.neighborhood("node").filter((n) => n.data("kind") !== "territory");
  return territories
    .union(around)
    .union(around.filter('[kind = "initiative"]').neighborhood('node[kind != "territory"]')) as NodeCollection;
}

/** Breadth-first, within what the filters keep. */
function withinDepth(cy: Core, allowed: NodeCollection, focus: Focus): NodeCollection {
  const start = cy.getElementById(focus.nodeId) as NodeSingular;
  if (start.empty()) return cy.collection() as NodeCollection;
  let reached: NodeCollection = start;
  let frontier: NodeCollection = start;
  for (let level = 0; level < focus.depth; level++) {
    frontier = frontier.neighborhood("node").intersection(allowed).difference(reached) as NodeCollection;
    reached = reached.union(frontier) as NodeCollection;
  }
  return reached;
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, "\\$&");
}
