import type { CollectionArgument, Core, NodeCollection, NodeSingular, Position } from "cytoscape";
import { kmToModel, project } from "./projection.ts";

export type LayoutName = "network" | "map";

/**
 * Network layout, fCoSE. The first run places everything (draft quality past a few hundred
 * nodes: default quality takes minutes at 5 000 nodes); later runs fix the nodes already placed and
 * settle only the newcomers, so the picture the user knows does not move.
 */
export function runNetworkLayout(cy: Core, newcomers?: NodeCollection): Promise<void> {
  const visible = cy.elements().not(".hidden");
  const nodes = visible.nodes();
  if (nodes.empty()) return Promise.resolve();
  const incremental = newcomers !== undefined && newcomers.nonempty() && newcomers.length < nodes.length;
  if (newcomers !== undefined && newcomers.empty()) return Promise.resolve();
  const fixed = incremental
    ? nodes.difference(newcomers!).map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }))
    : [];
  const layout = visible.layout({
    name: "fcose",
    quality: nodes.length > 400 ? "draft" : "default",
    randomize: !incremental,
    animate: incremental && nodes.length < 400,
    animationDuration: 400,
    fit: !incremental,
    padding: 40,
    nodeDimensionsIncludeLabels: true, // labels do not overlap their neighbours
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 110,
    nodeSeparation: 90,
    packComponents: true,
    fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
  } as never);
  const done = new Promise<void>((resolve) => layout.one("layoutstop", () => resolve()));
  layout.run();
  return done.then(() => rememberNetworkPositions(nodes));
}

export function rememberNetworkPositions(nodes: NodeCollection): void {
  nodes.forEach((node) => void node.scratch("_net", { ...node.position() }));
}

/** Back to the network positions the user saw last (those not yet placed stay where they are). */
export function restoreNetworkPositions(cy: Core): NodeCollection {
  const unplaced: NodeSingular[] = [];
  cy.batch(() =>
    cy.nodes().forEach((node) => {
      const position = node.scratch("_net") as Position | undefined;
      if (!position) unplaced.push(node);
      // A node already there is left alone: a move is an event and a bounds update (the first view's
      // nodes all are, with the server's positions).
      else if (node.position("x") !== position.x || node.position("y") !== position.y) node.position(position);
    }),
  );
  return cy.collection(unplaced as unknown as CollectionArgument) as NodeCollection;
}

/**
 * Map layout: territories and allies at their coordinates; initiatives, people and allies with no
 * address in a ring around the placed things they are linked to (an ally around where it worked). Themes, cohorts and sources have no place: they are
 * left out of the map (returned, for the caller to hide) rather than piled in a corner.
 * Several things at one place (Lille and the allies based there) share it on a small ring.
 */
export function applyMapPositions(cy: Core): Set<string> {
  const positions = new Map<string, Position>();
  const byPlace = new Map<string, NodeSingular[]>();
  cy.nodes().forEach((node) => {
    const lat = node.data("latitude") as number | null;
    const lon = node.data("longitude") as number | null;
    if (lat === null || lon === null || lat === undefined || lon === undefined) return;
    const key = `${lat.toFixed(3)},${lon.toFixed(3)}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), node]);
    positions.set(node.id(), project(lon, lat));
  });
  for (const nodes of byPlace.values()) {
    if (nodes.length < 2) continue;
    // The territory keeps the exact point; the others stand around it.
    nodes.sort((a, b) => (a.data("kind") === "territory" ? -1 : b.data("kind") === "territory" ? 1 : 0));
    const center = positions.get(nodes[0]!.id())!;
    nodes.slice(1).forEach((node, i) => positions.set(node.id(), around(center, i, nodes.length - 1, kmToModel(5))));
  }
  const placeable = cy.nodes().filter((n) => !positions.has(n.id()) && ["initiative", "person", "ally"].includes(n.data("kind")));
  for (let pass = 0; pass < 2; pass++) {
    const groups = new Map<string, NodeSingular[]>();
    placeable.forEach((node) => {
      if (positions.has(node.id())) return;
      const anchors = node.neighborhood("node").filter((n) => positions.has(n.id()));
      if (anchors.empty()) return;
      const anchor = (anchors.filter('[kind = "territory"]').nonempty() ? anchors.filter('[kind = "territory"]') : anchors).first();
      groups.set(anchor.id(), [...(groups.get(anchor.id()) ?? []), node]);
    });
    for (const [anchorId, nodes] of groups) {
      const center = positions.get(anchorId)!;
      nodes.forEach((node, i) => positions.set(node.id(), around(center, i + 0.5 * pass, nodes.length, kmToModel(pass === 0 ? 11 : 7))));
    }
  }
  cy.batch(() =>
    cy.nodes().forEach((node) => {
      const position = positions.get(node.id());
      if (position) node.position(position);
    }),
  );
  return new Set(
    cy
      .nodes()
      .filter((n) => !positions.has(n.id()))
      .map((n) => n.id()),
  );
}

function around(center: Position, index: number, count: number, radius: number): Position {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(count, 1);
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}
