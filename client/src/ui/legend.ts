import type { Core } from "cytoscape";
import { locales } from "../../../core/locales/index.ts";
import { kindName, relationshipName, type Kind, type Lang } from "../../../core/model/index.ts";
import { edgeStyle, entityKinds, kindStyles } from "../graph/kind-styles.ts";
import { clear, h } from "./dom.ts";

/** The legend lists only what is visible now: each kind and each kind of link, with its count. */
export function renderLegend(container: HTMLElement, cy: Core, lang: Lang): void {
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
  clear(
    container,
    h(
      "ul",
      { className: "legend-list", "aria-label": t.legend },
      entityKinds
        .filter((kind) => kindCounts.has(kind))
        .map((kind) =>
          h(
            "li",
            { dataset: { kind } },
            swatch(kind),
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

export function swatch(kind: Kind): SVGSVGElement {
  const style = kindStyles[kind];
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", swatchPaths[style.shape] ?? swatchPaths.ellipse!);
  path.setAttribute("fill", style.color);
  svg.append(path);
  return svg;
}

function edgeSwatch(type: string): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 8");
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "8");
  svg.setAttribute("aria-hidden", "true");
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
