import type { GraphNode, GraphRelationship } from "./read-graph.ts";
import { exportId } from "./read-graph.ts";

/**
 * Node and relationship properties as flat attributes for graph tools (Gephi): the entity's type
 * (Territory, Ally…) and kind (commune, cooperative…) kept, its location as latitude and longitude.
 */
export function nodeAttributes(node: GraphNode): Record<string, unknown> {
  const { location, ...props } = node.props as Record<string, unknown> & { location?: { latitude: number; longitude: number } };
  return {
    ...props,
    type: node.label,
    label: String(node.props.name ?? node.props.title ?? node.slug),
    ...(location ? { latitude: location.latitude, longitude: location.longitude } : {}),
  };
}

/** `change` (the id of the change that wrote it) is this graph's bookkeeping: the Cypher export keeps it, graph tools do not need it. */
export function relationshipAttributes(relationship: GraphRelationship): Record<string, unknown> {
  const { change: _change, ...props } = relationship.props;
  return { ...props, type: relationship.type };
}

export function edgeId(relationship: GraphRelationship, index: number): string {
  return `e${index}:${relationship.type}:${exportId(relationship.fromLabel, relationship.fromSlug)}->${exportId(relationship.toLabel, relationship.toSlug)}`;
}
