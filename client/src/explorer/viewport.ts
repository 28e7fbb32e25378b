import type { Core, NodeSingular } from "cytoscape";
import { kmToModel, project } from "../graph/projection.ts";

/** Where the view looks: centred on an entity, fitted to a set, framing a circle; and its level of detail. */
export class Viewport {
  constructor(private readonly cy: Core) {}

  /** The node in the middle, zoomed in as far as its shown neighbours all stay in view (at most 1.6). */
  centreOn(node: NodeSingular): void {
    const p = node.position();
    let dx = 60;
    let dy = 60;
    node
      .neighborhood("node")
      .not(".hidden")
      .forEach((neighbour) => {
        const q = (neighbour as NodeSingular).position();
        dx = Math.max(dx, Math.abs(q.x - p.x) + 70); // room for the label
        dy = Math.max(dy, Math.abs(q.y - p.y) + 40);
      });
    const zoom = Math.max(0.2, Math.min(1.6, this.cy.width() / (2 * dx), this.cy.height() / (2 * dy)));
    this.cy.animate({ zoom, pan: { x: this.cy.width() / 2 - p.x * zoom, y: this.cy.height() / 2 - p.y * zoom } }, { duration: 350 });
  }

  /** Everything shown, with a margin. */
  fitShown(padding: number, animate = false): void {
    const eles = this.cy.elements().not(".hidden");
    if (animate) this.cy.animate({ fit: { eles, padding } }, { duration: 300 });
    else this.cy.fit(eles, padding);
  }

  fitTo(eles: ReturnType<Core["elements"]>, padding: number): void {
    this.cy.animate({ fit: { eles, padding } }, { duration: 300 });
  }

  /** Frames the search circle: everything near is inside it. */
  frameCircle(longitude: number, latitude: number, radiusKm: number): void {
    const center = project(longitude, latitude);
    const wanted = Math.min(this.cy.width(), this.cy.height()) / (2.3 * kmToModel(Math.max(radiusKm, 5)));
    // Cytoscape ignores a zoom out of its bounds but still pans for it (a small circle was framed
    // off-screen); past about a 30 km circle's zoom, the nodes and their labels only grow, so stop there.
    const zoom = Math.min(1.5, this.cy.maxZoom(), Math.max(this.cy.minZoom(), wanted));
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - center.x * zoom, y: this.cy.height() / 2 - center.y * zoom } });
  }

  /**
   * Level of detail for big graphs: labels only when zoomed in far enough to read them, straight
   * edges without arrowheads (Cytoscape's haystack edges: no curve or arrow to compute per edge,
   * a third less time to draw 17 000 elements), and edges left out while the view moves
   * (drawn again when it stops), so that panning stays smooth.
   */
  adaptToSize(): void {
    if ((this.cy as unknown as { headless(): boolean }).headless()) return; // sigma.js draws large slices, with its own level of detail (graph/sigma-view.ts)
    const big = this.cy.elements().length > 3000;
    this.cy
      .style()
      .selector("node")
      .style("min-zoomed-font-size", big ? 16 : 9)
      .selector("edge")
      .style({ "curve-style": big ? "haystack" : "bezier", "target-arrow-shape": big ? "none" : "triangle" })
      .update();
    // Cytoscape reads this renderer option at start; it is safe to change on the live renderer.
    (this.cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer().hideEdgesOnViewport = big;
  }
}
