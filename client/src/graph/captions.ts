import type { Core } from "cytoscape";
import { locales } from "../../../core/locales/index.ts";
import { relationshipName, type Lang } from "../../../core/model/index.ts";

/** An edge's data, as the API gives it and Cytoscape holds it. */
type EdgeData = Record<string, unknown>;

/** The words an edge shows: what it means, and its season when it has one. */
export function edgeCaption(data: EdgeData, lang: Lang): string {
  const season = data.season as number | null | undefined;
  const name = relationshipName(data.type as string, lang);
  return season ? `${name} (${locales[lang].ui.seasonNumber(season)})` : name;
}

/** Shown when the edge is selected: its meaning, season and role. */
export function edgeDetail(data: EdgeData, lang: Lang): string {
  const role = data.role as string | null | undefined;
  return role ? `${edgeCaption(data, lang)} — ${role}` : edgeCaption(data, lang);
}

export function refreshCaptions(cy: Core, lang: Lang): void {
  cy.batch(() =>
    cy.edges().forEach((edge) => {
      edge.data({ caption: edgeCaption(edge.data(), lang), detail: edgeDetail(edge.data(), lang) });
    }),
  );
}
