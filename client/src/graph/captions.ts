import type { Core, EdgeSingular } from "cytoscape";
import { edgeNames, type Lang } from "../ui/i18n.ts";

/** The words an edge shows: what it means, and its season when it has one. */
export function edgeCaption(edge: EdgeSingular, lang: Lang): string {
  const type = edge.data("type") as string;
  const season = edge.data("season") as number | null | undefined;
  const name = edgeNames[lang][type] ?? type.toLowerCase();
  return season ? `${name} (${lang === "fr" ? "saison" : "season"} ${season})` : name;
}

export function refreshCaptions(cy: Core, lang: Lang): void {
  cy.batch(() => cy.edges().forEach((edge) => void edge.data("caption", edgeCaption(edge, lang))));
}
