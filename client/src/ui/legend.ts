import type { Core } from "cytoscape";
import { locales } from "../../../core/locales/index.ts";
import { kindName, relationshipName, type Kind, type Lang } from "../../../core/model/index.ts";
import type { DisplayLegend } from "../graph/display-styling.ts";
import { edgeStyle, entityKinds, kindStyles } from "../graph/kind-styles.ts";
import type { Display } from "../state/url-state.ts";
import { clear, h } from "./dom.ts";

/**
 * The legend lists only what is visible now: each kind (its shape) and each kind of link, with its
 * count; when the *Affichage* panel colours or sizes by something else, what the colours and the
 * sizes say comes first.
 */
export function renderLegend(container: HTMLElement, cy: Core, lang: Lang, display?: { legend: DisplayLegend; choice: Display }): void {
  const visibleNodes = cy.nodes().not(".hidden");
  const visibleEdges = cy.edges().not(".hidden");
  const kindCounts = new Map<Kind, number>();
  visibleNodes.forEach((node) => void kindCounts.set(node.data("kind"), (kindCounts.get(node.data("kind")) ?? 0) + 1));
  const edgeCounts = new Map<string, number>();
  visibleEdges.forEach((edge) => void edgeCounts.set(edge.data("type"), (edgeCounts.get(edge.data("type")) ?? 0) + 1));
  const t = locales[lang].ui;
  if (kindCounts.size === 0) {
    clear(container, h("p", { className: "muted" }, t.legendEmpty));
    return;
  }
  const s = locales[lang].structure;
  const colored = display && display.choice.color !== "kind" ? display : undefined;
  const colorNames = { kind: s.colorKind, community: s.colorCommunity, region: s.colorRegion, theme: s.colorTheme };
  const sizeNames = { degree: s.sizeDegree, betweenness: s.sizeBetweenness };
  const number = (value: number) => value.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 3 });
  const size = display?.choice.size && display.legend.size ? display.legend.size : undefined;
  clear(
    container,
    colored
      ? [
          h("p", { className: "legend-heading" }, s.colorLegend(colorNames[colored.choice.color])),
          h(
            "ul",
            { className: "legend-list groups" },
            colored.legend.groups.map((group) =>
              h(
                "li",
                { dataset: { group: group.key } },
                dot(group.color),
                ` ${group.label} `,
                h("span", { className: "count" }, `(${group.count})`),
              ),
            ),
          ),
        ]
      : null,
    size && display?.choice.size
      ? h(
          "p",
          { className: "legend-heading", id: "legend-size" },
          s.sizeLegend(sizeNames[display.choice.size], number(size.min), number(size.max)),
        )
      : null,
    h(
      "ul",
      { className: "legend-list", "aria-label": t.legend },
      entityKinds
        .filter((kind) => kindCounts.has(kind))
        .map((kind) =>
          h(
            "li",
            { dataset: { kind } },
            swatch(kind, colored ? "#6b7683" : undefined),
            ` ${kindName(kind, lang)} `,
            h("span", { className: "count" }, `(${kindCounts.get(kind)})`),
          ),
        ),
    ),
    h(
      "ul",
      { className: "legend-list edges" },
      [...edgeCounts.keys()]
        .sort()
        .map((type) =>
          h(
            "li",
            { dataset: { edgeType: type } },
            edgeSwatch(type),
            ` ${relationshipName(type, lang)} `,
            h("span", { className: "count" }, `(${edgeCounts.get(type)})`),
          ),
        ),
    ),
  );
}

const swatchPaths: Record<string, string> = {
  "round-hexagon": "M4 1h8l4 7-4 7H4L0 8z",
  ellipse: "M8 1a7 7 0 1 0 0.01 0z",
  "round-diamond": "M8 0l8 8-8 8-8-8z",
  "round-triangle": "M8 1l7 13H1z",
  "round-rectangle": "M2 3h12v10H2z",
  "round-tag": "M1 3h10l4 5-4 5H1z",
  barrel: "M3 1h10l2 7-2 7H3L1 8z",
};

/** A kind's shape, in its colour (or in grey when the nodes are coloured by something else). */
export function swatch(kind: Kind, color?: string): SVGSVGElement {
  const style = kindStyles[kind];
  const svg = icon(16, 16);
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", swatchPaths[style.shape] ?? swatchPaths.ellipse!);
  path.setAttribute("fill", color ?? style.color);
  svg.append(path);
  return svg;
}

function dot(color: string): SVGSVGElement {
  const svg = icon(16, 16);
  const circle = document.createElementNS("http://www.w3.org/2000/svg", "circle");
  circle.setAttribute("cx", "8");
  circle.setAttribute("cy", "8");
  circle.setAttribute("r", "7");
  circle.setAttribute("fill", color);
  svg.append(circle);
  return svg;
}

function edgeSwatch(type: string): SVGSVGElement {
  const svg = icon(24, 8);
  const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
  line.setAttribute("x1", "0");
  line.setAttribute("y1", "4");
  line.setAttribute("x2", "24");
  line.setAttribute("y2", "4");
  const style = edgeStyle(type);
  line.setAttribute("stroke", style.color);
  line.setAttribute("stroke-width", "2.5");
  if (style.dashed) line.setAttribute("stroke-dasharray", "4 3");
  svg.append(line);
  return svg;
}

/** An empty, decorative SVG of that size (the legend's swatches). */
function icon(width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("aria-hidden", "true");
  return svg;
}
