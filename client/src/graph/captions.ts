import type { Core, EdgeSingular } from "cytoscape";
import { edgeNames, type Lang } from "../ui/i18n.ts";

/** The words an edge shows: what it means, and its season when it has one. */
export function edgeCaption(edge: EdgeSingular, lang: Lang): string {
  const type = edge.data("type") as string;
  const season = edge.data("season") as number | null | undefined;
  const name = edgeNames[lang][type] ?? type.toLowerCase();
  return season ? `${name} (${lang === "fr" ? "saison" : "season"} ${season})` : name;
}

/** Shown when the edge is selected: its meaning, season and role. */
export function edgeDetail(edge: EdgeSingular, lang: Lang): string {
  const role = edge.data("role") as string | null | undefined;
  return role ? `${edgeCaption(edge, lang)} — ${role}` : edgeCaption(edge, lang);
}

export function refreshCaptions(cy: Core, lang: Lang): void {
  cy.batch(() =>
    cy.edges().forEach((edge) => {
      edge.data("caption", edgeCaption(edge, lang));
      edge.data("detail", edgeDetail(edge, lang));
    }),
  );
}
