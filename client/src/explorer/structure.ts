import { locales } from "../../../core/locales/index.ts";
import type { Api } from "../api/graphql-client.ts";
import { applyDisplay, type DisplayLegend, type NodeMetrics } from "../graph/display-styling.ts";
import type { ExplorerContext } from "./context.ts";

export type StructureInfo = Awaited<ReturnType<Api["structure"]>>;

const batch = 2000; // ids per entityMetrics call (the server takes up to 4 000; a request body, up to 100 kB)

/**
 * The network's structure in the page: the metrics of the loaded entities (asked for once each,
 * when the display needs them: sizing, colouring, a community brought forward), the communities
 * and brokers of the Structure section, and the styling they give the graph.
 */
export class Structure {
  private readonly metrics = new Map<string, NodeMetrics>();
  private readonly asked = new Set<string>();
  private infoLoad: Promise<StructureInfo | undefined> | undefined;
  info: StructureInfo | undefined;

  constructor(private readonly ctx: ExplorerContext) {}

  /** Whether what is shown depends on the metrics. */
  needsMetrics(): boolean {
    const { display, community } = this.ctx.state;
    return display.size !== null || display.color !== "kind" || community !== null;
  }

  /** Fetches the metrics of the loaded nodes (or of these, about to be) not asked for yet; true when some arrived. */
  async ensureMetrics(among?: string[]): Promise<boolean> {
    if (!this.needsMetrics()) return false;
    const ids = (among ?? this.ctx.cy.nodes().map((node) => node.id())).filter((id) => !this.asked.has(id));
    if (ids.length === 0) return false;
    ids.forEach((id) => this.asked.add(id));
    // The communities' names come with loadInfo(), which the explorer asks for after the first render.
    try {
      const rows = await Promise.all(
        Array.from({ length: Math.ceil(ids.length / batch) }, (_, i) => this.ctx.api.entityMetrics(ids.slice(i * batch, (i + 1) * batch))),
      );
      for (const row of rows.flat()) this.metrics.set(row.id, row);
      return true;
    } catch (error) {
      ids.forEach((id) => this.asked.delete(id)); // asked again at the next change
      throw error;
    }
  }

  /** Communities, brokers and how they were computed (once per page). */
  loadInfo(): Promise<StructureInfo | undefined> {
    this.infoLoad ??= this.ctx.api.structure().then((info) => (this.info = info));
    return this.infoLoad;
  }

  /** Sizes, colours and the community brought forward, as the state says; what the legend shows of them. */
  apply(): DisplayLegend {
    const t = locales[this.ctx.state.lang].structure;
    const communities = new Map((this.info?.communities ?? []).map((c) => [c.id, c.name]));
    return applyDisplay(
      this.ctx.cy,
      this.ctx.state.display,
      this.metrics,
      { communities, none: t.none, others: t.others },
      this.ctx.state.community,
    );
  }

  /** The members of a community among the loaded nodes. */
  membersOf(community: number): string[] {
    return [...this.metrics.values()]
      .filter((m) => m.community === community && this.ctx.cy.getElementById(m.id).nonempty())
      .map((m) => m.id);
  }
}
