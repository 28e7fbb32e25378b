import { edgeStyle, kindStyles } from "./kind-styles.ts";

/**
 * What sigma.js draws for a node or an edge of the explorer, read from the same data fields and
 * classes as Cytoscape's stylesheet (stylesheet.ts): the kind's colour and size, the *Affichage*
 * panel's displayColor and displaySize, hidden, faded, selected, near and path. sigma draws discs
 * and straight lines; shapes, borders and dashes are Cytoscape's alone, so emphasis is shown by
 * sigma's own means (a forced label, a highlighted node, a darker and thicker edge).
 */
export interface NodeLook {
  x: number;
  y: number; // sigma's y axis points up, Cytoscape's down: the model's y, negated
  size: number; // a radius, in model units (sigma's itemSizesReference "positions")
  color: string;
  label: string;
  hidden: boolean;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
}

export interface EdgeLook {
  size: number;
  color: string;
  hidden: boolean;
  zIndex: number;
}

/** What a look is made from: an element's data, classes and selection, as Cytoscape holds them. */
export interface LookSource {
  data: Record<string, unknown>;
  classes: ReadonlySet<string>;
  selected: boolean;
}

const fadedAlpha = 0.18; // the stylesheet's .faded opacity
const outsideAlpha = 0.15; // node.outside-community

const largeSubkinds = new Set(["région", "network"]);
const mediumSubkinds = new Set(["département", "intercommunalité"]);

export function nodeLook(node: LookSource, position: { x: number; y: number }): NodeLook {
  const { data, classes } = node;
  const kind = kindStyles[data.kind as keyof typeof kindStyles];
  const subkind = String(data.subkind ?? "");
  const width =
    typeof data.displaySize === "number"
      ? data.displaySize
      : largeSubkinds.has(subkind)
        ? 44
        : mediumSubkinds.has(subkind)
          ? 38
          : (kind?.size ?? 30);
  const base = typeof data.displayColor === "string" ? data.displayColor : (kind?.color ?? "#777777");
  const alpha = classes.has("faded") ? fadedAlpha : classes.has("outside-community") ? outsideAlpha : 1;
  const near = classes.has("near");
  const stressed = node.selected || near || classes.has("path") || classes.has("highlight");
  return {
    x: position.x,
    y: -position.y,
    size: width / 2,
    color: overWhite(base, alpha),
    // A faded node's label is as faint as the node in Cytoscape: here, none.
    label: alpha < 1 ? "" : String((near ? data.nearLabel : undefined) ?? data.label ?? data.id ?? ""),
    hidden: classes.has("hidden"),
    forceLabel: stressed,
    highlighted: node.selected || near,
    zIndex: near ? 2 : stressed ? 1 : 0,
  };
}

export function edgeLook(edge: LookSource): EdgeLook {
  const { data, classes } = edge;
  const style = edgeStyle(String(data.type ?? ""));
  const onPath = classes.has("path");
  const stressed = edge.selected || onPath || classes.has("highlight");
  const alpha = classes.has("faded") ? fadedAlpha : classes.has("outside-community") ? 0.08 : 1;
  return {
    size: onPath ? 5 : edge.selected ? 4 : classes.has("highlight") ? 3 : style.dashed ? 1.2 : 1.6,
    color: overWhite(onPath ? "#000000" : style.color, alpha),
    hidden: classes.has("hidden"),
    zIndex: stressed ? 1 : 0,
  };
}

/**
 * "#0072B2" at opacity 0.18 over the page's white → "#d1e6f1", an opaque colour: what Cytoscape's
 * opacity shows on a white page. (sigma blends its colours as premultiplied, so an rgba colour
 * came out bright cyan instead of pale blue.) Opacity 1 leaves the colour as it is.
 */
export function overWhite(color: string, opacity: number): string {
  if (opacity >= 1) return color;
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) return color;
  const n = parseInt(hex[1]!, 16);
  const channel = (shift: number) =>
    Math.round(((n >> shift) & 255) * opacity + 255 * (1 - opacity))
      .toString(16)
      .padStart(2, "0");
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}
