import type { Core, EdgeSingular } from "cytoscape";
import { locales } from "../../../core/locales/index.ts";
import { relationshipName, type Lang } from "../../../core/model/index.ts";

/** The words an edge shows: what it means, and its season when it has one. */
export function edgeCaption(edge: EdgeSingular, lang: Lang): string {
  const season = edge.data("season") as number | null | undefined;
  const name = relationshipName(edge.data("type") as string, lang);
  return season ? `${name} (${locales[lang].ui.seasonNumber(season)})` : name;
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
