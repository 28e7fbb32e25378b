import type { NodeSingular } from "cytoscape";
import { refOfNodeId } from "../../../core/ids.ts";
import type { ExplorerContext } from "./context.ts";
import type { Viewport } from "./viewport.ts";

/** What the details panel needs to show an entity, and to forget it. */
export interface DetailsView {
  show(node: NodeSingular): void;
  clear(): void;
}

/** The selected entity: highlighted with its neighbours, shown in the details panel, named in the URL. */
export class Selection {
  constructor(
    private readonly ctx: ExplorerContext,
    private readonly viewport: Viewport,
    private readonly details: DetailsView,
  ) {}

  select(id: string, { center = true, push = false }: { center?: boolean; push?: boolean } = {}): void {
    const { cy, state } = this.ctx;
    const node = cy.getElementById(id) as NodeSingular;
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    this.highlight(node);
    state.entity = refOfNodeId(id);
    this.details.show(node);
    cy.resize(); // the details panel took its place beside the graph
    if (center && !node.hasClass("hidden")) this.viewport.centreOn(node);
    this.ctx.commit({ push });
  }

  unselect(): void {
    const { cy, state } = this.ctx;
    cy.elements().unselect().removeClass("highlight faded");
    this.details.clear();
    state.entity = null;
    state.focusDepth = null;
    this.ctx.commit();
  }

  /** A tap on the background clears the highlight, unless a search result ("near", paths) holds it. */
  clearHighlight(): void {
    const { cy } = this.ctx;
    if (cy.nodes(".near, .path").nonempty()) return;
    cy.elements().removeClass("highlight faded");
  }

  private highlight(node: NodeSingular): void {
    const { cy } = this.ctx;
    if (cy.nodes(".near, .path").nonempty()) return; // a search result's highlight wins
    cy.elements().removeClass("highlight").addClass("faded");
    node.closedNeighborhood().removeClass("faded").addClass("highlight");
  }
}
