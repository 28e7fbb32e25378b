import type { Core, NodeSingular } from "cytoscape";
import type { Display } from "../state/url-state.ts";

/** What the server says of an entity's place in the network (entityMetrics). */
export interface NodeMetrics {
  id: string;
  degree: number;
  betweenness: number;
  community: number;
  regions: string[];
  themes: string[];
}

/** One colour of the legend: what it stands for, and how many visible nodes wear it. */
export interface ColorGroup {
  key: string;
  label: string;
  color: string;
  count: number;
}

export interface DisplayLegend {
  groups: ColorGroup[]; // empty when colouring by kind
  size: { min: number; max: number } | null; // the measure's range over the visible nodes
}

// Okabe–Ito first (told apart with colour-blindness), then Paul Tol's muted scheme: 14 groups; the
// rest share "others". Kinds keep their own palette (kind-styles.ts).
export const groupPalette = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#332288",
  "#88CCEE",
  "#117733",
  "#999933",
  "#882255",
  "#44AA99",
  "#AA4499",
];
export const otherColor = "#b8bec6";
export const noneColor = "#e3e6ea";
const minSize = 18;
const maxSize = 72;
const sizeSteps = 10;

/**
 * Sizes and colours the nodes as the *Affichage* panel says, through two data fields the
 * stylesheet maps (displaySize, displayColor): removed, the kind's own size and colour come back.
 * Sizes follow the square root of the measure (the area grows with it); colour groups are ranked by
 * how many loaded nodes they hold, so a filter does not repaint the others. `community` fades
 * everything but that community's members.
 */
export function applyDisplay(
  cy: Core,
  display: Display,
  metrics: ReadonlyMap<string, NodeMetrics>,
  names: { communities: ReadonlyMap<number, string>; none: string; others: string },
  community: number | null,
): DisplayLegend {
  const colorKey = keyOf(display.color, metrics);
  const colors = new Map<string, { label: string; color: string }>();
  if (colorKey) {
    const counts = new Map<string, number>();
    cy.nodes().forEach((node) => {
      const key = colorKey(node);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .forEach(([key], index) => {
        const label = display.color === "community" ? (names.communities.get(Number(key)) ?? `#${key}`) : key;
        // A community of one (an isolated entity) is no group: it goes with the others.
        const own = index < groupPalette.length && !(display.color === "community" && counts.get(key) === 1);
        colors.set(key, own ? { label, color: groupPalette[index]! } : { label: names.others, color: otherColor });
      });
  }
  const measure = display.size ? (node: NodeSingular) => metrics.get(node.id())?.[display.size!] : () => undefined;
  const visible = cy.nodes().not(".hidden");
  const values = visible.map((node) => measure(node as NodeSingular)).filter((v): v is number => v !== undefined);
  const range = values.length > 0 ? { min: Math.min(...values), max: Math.max(...values) } : null;
  const legend = new Map<string, ColorGroup>();

  // Only what changes is written: a commit runs on every change of state, and a write is a restyle.
  const outside = new Set<string>();
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const value = measure(node);
      const size = value === undefined || !range ? undefined : scaled(value, range);
      // Set to undefined rather than removeData(), which leaves the node's style as it was.
      if (node.data("displaySize") !== size) node.data({ displaySize: size });
      const key = colorKey ? colorKey(node) : undefined;
      const group = key === undefined ? undefined : key === null ? { label: names.none, color: noneColor } : colors.get(key)!;
      if (node.data("displayColor") !== group?.color) node.data({ displayColor: group?.color });
      if (group && !node.hasClass("hidden")) {
        const entry = legend.get(group.label) ?? { key: key ?? "", label: group.label, color: group.color, count: 0 };
        entry.count += 1;
        legend.set(group.label, entry);
      }
      const member = community === null || metrics.get(node.id())?.community === community;
      if (!member) outside.add(node.id());
      if (node.hasClass("outside-community") === member) node.toggleClass("outside-community", !member);
    });
    cy.edges().forEach((edge) => {
      const out = outside.size > 0 && (outside.has(edge.data("source") as string) || outside.has(edge.data("target") as string));
      if (edge.hasClass("outside-community") !== out) edge.toggleClass("outside-community", out);
    });
  });
  return {
    groups: [...legend.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    size: display.size ? range : null,
  };
}

/** The group a node is coloured by: undefined when colouring by kind, null when it has none. */
function keyOf(color: Display["color"], metrics: ReadonlyMap<string, NodeMetrics>): ((node: NodeSingular) => string | null) | undefined {
  switch (color) {
    case "kind":
      return undefined;
    case "community":
      return (node) => {
        const m = metrics.get(node.id());
        return m ? String(m.community) : null;
      };
    case "region":
      return (node) => metrics.get(node.id())?.regions[0] ?? (node.data("regionName") as string | undefined) ?? null;
    case "theme":
      return (node) => (node.data("kind") === "theme" ? String(node.data("label")) : (metrics.get(node.id())?.themes[0] ?? null));
  }
}

/**
 * The node's size: the square root of its share of the range, in one of `sizeSteps` steps. Steps,
 * not a continuum: sizes a reader can tell apart, and few distinct looks for Cytoscape's texture
 * cache (one texture per look).
 */
function scaled(value: number, range: { min: number; max: number }): number {
  if (range.max === range.min) return (minSize + maxSize) / 2;
  const share = Math.sqrt((value - range.min) / (range.max - range.min));
  return minSize + (Math.round(share * (sizeSteps - 1)) * (maxSize - minSize)) / (sizeSteps - 1);
}
