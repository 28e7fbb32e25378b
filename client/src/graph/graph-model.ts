import type { Core, ElementDefinition, NodeSingular } from "cytoscape";
import type { Elements } from "../api/types.ts";
import { edgeCaption, edgeDetail } from "./captions.ts";
import type { Lang } from "../../../core/model/index.ts";

/**
 * What the page holds of the graph, and why: each node remembers which actions brought it
 * ("base" for the first view, "expand:<id>" for an expansion…), so collapsing an expansion removes
 * exactly what it added and nothing another action still needs.
 */
export class GraphModel {
  private readonly origins = new Map<string, Set<string>>();

  constructor(
    readonly cy: Core,
    private lang: Lang,
  ) {}

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** Adds what is not there yet; returns the ids of the nodes that are new. */
  add(elements: Elements, origin: string, anchor?: NodeSingular): string[] {
    const fresh: ElementDefinition[] = [];
    const freshIds: string[] = [];
    for (const node of elements.nodes) {
      const id = node.data.id;
      this.originsOf(id).add(origin);
      if (this.cy.getElementById(id).nonempty()) continue;
      fresh.push({ group: "nodes", data: { ...node.data }, ...(node.position ? { position: { ...node.position } } : {}) });
      freshIds.push(id);
    }
    for (const edge of elements.edges) {
      if (this.cy.getElementById(edge.data.id).nonempty()) continue;
      // Captions in the data before the edge is added: set afterwards, each was a restyle (a second at 50 000 elements).
      const data = edge.data as Record<string, unknown>;
      fresh.push({ group: "edges", data: { ...data, caption: edgeCaption(data, this.lang), detail: edgeDetail(data, this.lang) } });
    }
    if (fresh.length === 0) return [];
    this.cy.batch(() => {
      const added = this.cy.add(fresh.filter((e) => e.group === "nodes"));
      // Positions the server computed are the network layout's: remembered, not computed again.
      const withPosition = new Set(fresh.filter((e) => e.position).map((e) => e.data.id));
      const placed = added.filter((node) => withPosition.has(node.id()));
      placed.forEach((node) => void node.scratch("_net", { ...node.position() }));
      this.cy.add(
        fresh.filter(
          (e) =>
            e.group === "edges" && this.cy.getElementById(e.data.source!).nonempty() && this.cy.getElementById(e.data.target!).nonempty(),
        ),
      );
      placeNear(added.difference(placed), anchor);
    });
    return freshIds;
  }

  /**
   * After a change to one entity: its node and its neighbours take the data the server now gives,
   * what is new is added, and its relationships the answer no longer has are removed (a deleted link).
   * Returns the ids of the nodes that are new.
   */
  sync(id: string, elements: Elements, origin: string): string[] {
    const answered = new Set(elements.edges.map((e) => e.data.id));
    this.cy.batch(() => {
      for (const node of elements.nodes) {
        const present = this.cy.getElementById(node.data.id);
        if (present.nonempty()) present.data({ ...node.data });
      }
      this.cy
        .getElementById(id)
        .connectedEdges()
        .filter((edge) => !answered.has(edge.id()))
        .remove();
    });
    return this.add(elements, origin);
  }

  /** Removes an entity the graph no longer has. */
  forget(id: string): void {
    this.origins.delete(id);
    this.cy.getElementById(id).remove();
  }

  /** Removes what `origin` brought and nothing else still holds. */
  removeOrigin(origin: string): string[] {
    const removed: string[] = [];
    for (const [id, origins] of this.origins) {
      if (!origins.delete(origin) || origins.size > 0) continue;
      this.origins.delete(id);
      removed.push(id);
    }
    this.cy.batch(() => removed.forEach((id) => this.cy.getElementById(id).remove()));
    return removed;
  }

  has(origin: string): boolean {
    for (const origins of this.origins.values()) if (origins.has(origin)) return true;
    return false;
  }

  private originsOf(id: string): Set<string> {
    let origins = this.origins.get(id);
    if (!origins) this.origins.set(id, (origins = new Set()));
    return origins;
  }
}

/**
 * New nodes start next to what they connect to (or the anchor), so that a layout run with the old
 * nodes fixed only has to settle the newcomers.
 */
function placeNear(added: ReturnType<Core["add"]>, anchor?: NodeSingular): void {
  const nodes = added.nodes();
  nodes.forEach((node, index) => {
    const placedNeighbour = node
      .neighborhood("node")
      .filter((n) => !nodes.contains(n))
      .first() as NodeSingular;
    const center = anchor?.position() ?? (placedNeighbour.nonempty() ? placedNeighbour.position() : { x: 0, y: 0 });
    const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
    const radius = 90 + 6 * nodes.length;
    node.position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
  });
}
