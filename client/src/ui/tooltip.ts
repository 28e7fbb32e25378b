import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { edgeNames, kindNames, type Lang, subkindNames } from "./i18n.ts";

/** On hover: what a node is, and what an edge means, with its season, role and source quote. */
export function attachTooltip(cy: Core, tooltip: HTMLElement, lang: () => Lang): void {
  const show = (text: string, x: number, y: number): void => {
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = cy.container()!.getBoundingClientRect();
    tooltip.style.left = `${Math.min(x + 12, box.width - 280)}px`;
    tooltip.style.top = `${y + 12}px`;
  };
  cy.on("mouseover", "node", (event) => {
    const node = event.target as NodeSingular;
    const l = lang();
    const subkind = node.data("subkind") ? ` · ${subkindNames[l][node.data("subkind")] ?? node.data("subkind")}` : "";
    show(`${node.data("label")}\n${kindNames[l][node.data("kind")]}${subkind}`, event.renderedPosition.x, event.renderedPosition.y);
  });
  cy.on("mouseover", "edge", (event) => {
    const edge = event.target as EdgeSingular;
    show(describeEdgeFully(edge, lang()), event.renderedPosition.x, event.renderedPosition.y);
  });
  cy.on("mouseout", "node, edge", () => void (tooltip.hidden = true));
  cy.on("viewport", () => void (tooltip.hidden = true));
}

export function describeEdgeFully(edge: EdgeSingular, lang: Lang): string {
  const parts = [`${edge.source().data("label")} ${edgeNames[lang][edge.data("type")] ?? edge.data("type")} ${edge.target().data("label")}`];
  if (edge.data("season")) parts.push(`${lang === "fr" ? "saison" : "season"} ${edge.data("season")}${edge.data("startYear") ? ` (${edge.data("startYear")}-${edge.data("endYear")})` : ""}`);
  if (edge.data("role")) parts.push(`${lang === "fr" ? "rôle" : "role"} : ${edge.data("role")}`);
  if (edge.data("nature")) parts.push(String(edge.data("nature")));
  if (edge.data("quote")) parts.push(`« ${edge.data("quote")} »`);
  return parts.join("\n");
}
