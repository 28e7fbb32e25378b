import { edgeId } from "./flatten.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";

/** Cytoscape.js's elements format: `cytoscape({ elements })` or `cy.add(elements)` take it as it is. */
export function toCytoscapeJson(graph: WholeGraph): string {
  const nodes = graph.nodes.map((node) => {
    const { location, ...props } = node.props as Record<string, unknown> & { location?: { latitude: number; longitude: number } };
    return {
      group: "nodes",
      data: {
        ...props,
        id: exportId(node.label, node.slug),
        kind: node.label.toLowerCase(),
        subkind: node.props.kind ?? null,
        label: String(node.props.name ?? node.props.title ?? node.slug),
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
      },
    };
  });
  const edges = graph.relationships.map((relationship, i) => {
    // data.source is the edge's end in Cytoscape; the provenance slug goes in sourceDocument.
    const { source: sourceDocument, ...props } = relationship.props;
    return {
      group: "edges",
      data: {
        ...props,
        id: edgeId(relationship, i),
        type: relationship.type,
        source: exportId(relationship.fromLabel, relationship.fromSlug),
        target: exportId(relationship.toLabel, relationship.toSlug),
        sourceDocument: sourceDocument ?? null,
      },
    };
  });
  return JSON.stringify({ elements: { nodes, edges } }, null, 1);
}
