import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { locales } from "../../../core/locales/index.ts";
import { kindName, labelOf, relationshipName, valueName, type Kind, type Lang } from "../../../core/model/index.ts";

/** On hover: what a node is, and what an edge means, with its season, role and source quote. */
export function attachTooltip(cy: Core, tooltip: HTMLElement, lang: Lang): void {
  const show = (text: string, x: number, y: number): void => {
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = cy.container()!.getBoundingClientRect();
    tooltip.style.left = `${Math.min(x + 12, box.width - 280)}px`;
    tooltip.style.top = `${y + 12}px`;
  };
  cy.on("mouseover", "node", (event) => {
    const node = event.target as NodeSingular;
    show(
      `${node.data("label")}\n${describeKind(node.data("kind"), node.data("subkind"), lang)}`,
      event.renderedPosition.x,
      event.renderedPosition.y,
    );
  });
  cy.on("mouseover", "edge", (event) => {
    const edge = event.target as EdgeSingular;
    show(describeEdgeFully(edge, lang), event.renderedPosition.x, event.renderedPosition.y);
  });
  cy.on("mouseout", "node, edge", () => void (tooltip.hidden = true));
  cy.on("viewport", () => void (tooltip.hidden = true));
}

export function describeEdgeFully(edge: EdgeSingular, lang: Lang): string {
  const t = locales[lang].ui;
  const parts = [`${edge.source().data("label")} ${relationshipName(edge.data("type"), lang)} ${edge.target().data("label")}`];
  if (edge.data("season"))
    parts.push(
      `${t.seasonNumber(edge.data("season"))}${edge.data("startYear") ? ` (${edge.data("startYear")}-${edge.data("endYear")})` : ""}`,
    );
  if (edge.data("role")) parts.push(t.role(edge.data("role")));
  if (edge.data("nature")) parts.push(String(edge.data("nature")));
  if (edge.data("quote")) parts.push(`« ${edge.data("quote")} »`);
  return parts.join("\n");
}

/** "Allié · coopérative": the kind, and the entity's own kind in the model's words. */
export function describeKind(kind: Kind, subkind: unknown, lang: Lang): string {
  return typeof subkind === "string" && subkind
    ? `${kindName(kind, lang)} · ${valueName(labelOf[kind], "kind", subkind, lang)}`
    : kindName(kind, lang);
}
