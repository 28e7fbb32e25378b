import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

export interface LayoutInput {
  nodes: string[]; // ids
  edges: [string, string][]; // [source, target]
}

/**
 * Network positions for a slice of the graph, computed once on the server (headless Cytoscape,
 * fCoSE in draft quality) so that the page draws thousands of nodes without laying them out.
 */
export function computeLayout({ nodes, edges }: LayoutInput): Record<string, { x: number; y: number }> {
  const ids = new Set(nodes);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true, // fCoSE reads node sizes
    elements: [
      ...nodes.map((id) => ({ group: "nodes" as const, data: { id } })),
      ...edges
        .filter(([s, t]) => ids.has(s) && ids.has(t))
        .map(([source, target], i) => ({ group: "edges" as const, data: { id: `e${i}`, source, target } })),
    ],
    style: [{ selector: "node", style: { width: 34, height: 34 } }],
  });
  const big = nodes.length > 400;
  cy.layout({
    name: "fcose",
    quality: big ? "draft" : "default",
    randomize: true,
    animate: false,
    // Draft quality packs big graphs tight: more room, so that nodes do not sit on one another.
    nodeRepulsion: () => (big ? 45000 : 9000),
    idealEdgeLength: () => (big ? 160 : 110),
    nodeSeparation: big ? 160 : 90,
    packComponents: true,
  } as never).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => {
    const p = node.position();
    positions[node.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
  });
  cy.destroy();
  return positions;
}
