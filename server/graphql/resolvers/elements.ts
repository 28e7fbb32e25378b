import type { GraphLabel } from "../../neo4j/cypher-template.ts";
import { displayName, entityKindOf } from "../entity-kinds.ts";
import { plainProperties, toLatLon } from "../node-values.ts";

export interface NodeRow {
  label: GraphLabel;
  props: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: GraphLabel;
  fromSlug: string;
  to: GraphLabel;
  toSlug: string;
  props: Record<string, unknown>;
}

export interface Elements {
  nodes: { group: "nodes"; data: Record<string, unknown> }[];
  edges: { group: "edges"; data: Record<string, unknown> }[];
  truncated: boolean;
}

/** Stable element ids, the same in every answer, so the client can merge slices: "ally:extracites". */
export function nodeId(label: GraphLabel, slug: string): string {
  return `${entityKindOf[label]}:${slug}`;
}

/** Nodes and relationships as Cytoscape.js elements: each node's data carries kind, slug and label. */
export function toElements(nodes: NodeRow[], relationships: RelationshipRow[], truncated: boolean): Elements {
  const seenNodes = new Map<string, Elements["nodes"][number]>();
  for (const node of nodes) {
    const id = nodeId(node.label, String(node.props.slug));
    if (seenNodes.has(id)) continue;
    const { location: _point, ...props } = plainProperties(node.props); // replaced by latitude, longitude
    const { latitude, longitude } = toLatLon(node.props.location);
    seenNodes.set(id, {
      group: "nodes",
      data: {
        ...props,
        id,
        kind: entityKindOf[node.label],
        subkind: node.props.kind ?? null,
        slug: node.props.slug,
        label: displayName(node.props),
        latitude,
        longitude,
      },
    });
  }
  const seenEdges = new Map<string, Elements["edges"][number]>();
  for (const relationship of relationships) {
    const source = nodeId(relationship.from, relationship.fromSlug);
    const target = nodeId(relationship.to, relationship.toSlug);
    const props = plainProperties(relationship.props);
    const id = [relationship.type, source, target, props.season ?? ""].join("|");
    if (seenEdges.has(id) || !seenNodes.has(source) || !seenNodes.has(target)) continue;
    // Cytoscape reserves data.source for the edge's end; the provenance slug goes in sourceDocument.
    const { source: sourceDocument, ...rest } = props;
    seenEdges.set(id, { group: "edges", data: { ...rest, id, type: relationship.type, source, target, sourceDocument: sourceDocument ?? null } });
  }
  return { nodes: [...seenNodes.values()], edges: [...seenEdges.values()], truncated };
}
