import { nodeId } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import type { NearHit } from "../api/types.ts";
import type { ExplorerContext } from "./context.ts";
import type { Layouts } from "./layouts.ts";

/** Where the results of "allies near…" are listed (the controls panel). */
export interface NearResultsView {
  showNearResults(hits: NearHit[] | null, error?: unknown, pickCandidate?: (label: string) => void): void;
}

/** "Allies near…": the allies light up with their distance and the place that makes them near; the map shows the circle. */
export class Near {
  constructor(
    private readonly ctx: ExplorerContext,
    private readonly layouts: Layouts,
    private readonly results: NearResultsView,
  ) {}

  async near(place: string, radiusKm: number, theme: string | null = null): Promise<void> {
    const { cy, api, graph, state } = this.ctx;
    if (!place) return;
    let result;
    try {
      result = await api.alliesNear(place, radiusKm, theme);
    } catch (error) {
      this.results.showNearResults(null, error, (label) => void this.near(label, radiusKm, theme));
      return;
    }
    graph.removeOrigin("near");
    const refs = result.hits.flatMap((hit) => [
      { kind: hit.ally.kind, slug: hit.ally.slug },
      ...(hit.via ? [{ kind: hit.via.kind, slug: hit.via.slug }] : []),
    ]);
    const missing = refs.filter((ref) => cy.getElementById(nodeId(ref)).empty());
    if (missing.length > 0) graph.add(await api.entities(missing), "near");
    state.near = { place, radiusKm, theme };
    cy.nodes().removeClass("near");
    const t = locales[state.lang].ui;
    for (const hit of result.hits) {
      const node = cy.getElementById(nodeId({ kind: "ally", slug: hit.ally.slug }));
      node.addClass("near").data("nearLabel", `${hit.ally.name}\n${t.kmFrom(hit.distanceKm, hit.via?.name ?? "?")}`);
    }
    const lit = cy.nodes(".near");
    const viaIds = new Set(result.hits.flatMap((hit) => (hit.via ? [nodeId(hit.via)] : [])));
    const vias = cy.nodes().filter((n) => viaIds.has(n.id()));
    cy.elements().addClass("faded");
    lit.union(vias).union(lit.edgesWith(vias)).removeClass("faded");
    this.results.showNearResults(result.hits);
    if (state.layout !== "map") await this.layouts.setLayout("map");
    else await this.layouts.run();
    const { latitude, longitude } = result.place;
    if (latitude !== null && longitude !== null) this.layouts.setCircle({ latitude, longitude, radiusKm });
    this.ctx.commit();
  }

  clearNear(): void {
    const { cy, graph, state } = this.ctx;
    state.near = null;
    graph.removeOrigin("near");
    cy.nodes().removeClass("near");
    cy.elements().removeClass("faded");
    this.layouts.setCircle(null);
    this.results.showNearResults(null);
    this.ctx.commit({ controls: true });
  }
}
