import { nodeIdOfLabel } from "../../../core/ids.ts";
import { displayName, kindOf, type Label } from "../../../core/model/index.ts";
import { toLatLon } from "../../../core/node-values.ts";

export interface NodeRow {
  label: Label;
  props: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: Label;
  fromSlug: string;
  to: Label;
  toSlug: string;
  props: Record<string, unknown>;
}

export interface Elements {
  nodes: { group: "nodes"; data: Record<string, unknown>; position?: { x: number; y: number } }[];
  edges: { group: "edges"; data: Record<string, unknown> }[];
  truncated: boolean;
}

/**
 * The element queries (overview, entities, neighbourhood, paths) return their nodes and relationships
 * as JSON text built by apoc.convert.toJson: neo4j-driver 6 decodes a few hundred nested property maps
 * in ~13 ms, JSON.parse the same in under 1 ms (measured by `npm run bench`, neighbourhood depth 2).
 */
export function parseElementRow(row: { nodes: string; relationships: string }): { nodes: NodeRow[]; relationships: RelationshipRow[] } {
  return { nodes: JSON.parse(row.nodes) as NodeRow[], relationships: JSON.parse(row.relationships) as RelationshipRow[] };
}

/**
 * Nodes and relationships as Cytoscape.js elements: each node's data carries kind, slug and label.
 * One pass, and each element's data is its parsed property map itself, changed in place: this runs
 * on every neighbourhood and overview answer (hundreds of elements), where copying property maps
 * cost more than the query itself. A key set to undefined (the point, moved to latitude and
 * longitude) is left out of the JSON answer.
 */
export function toElements(nodes: NodeRow[], relationships: RelationshipRow[], truncated: boolean): Elements {
  const seenNodes = new Map<string, Elements["nodes"][number]>();
  for (const node of nodes) {
    const props = node.props;
    const id = nodeIdOfLabel(node.label, String(props.slug));
    if (seenNodes.has(id)) continue;
    const { latitude, longitude } = toLatLon(props.location);
    const subkind = props.kind ?? null;
    const label = displayName(props);
    const data = pointsAsLatLon(props);
    data.location = undefined;
    data.id = id;
    data.kind = kindOf[node.label];
    data.subkind = subkind;
    data.label = label;
    data.latitude = latitude;
    data.longitude = longitude;
    seenNodes.set(id, { group: "nodes", data });
  }
  const seenEdges = new Set<string>();
  const edges: Elements["edges"] = [];
  for (const relationship of relationships) {
    const source = nodeIdOfLabel(relationship.from, relationship.fromSlug);
    const target = nodeIdOfLabel(relationship.to, relationship.toSlug);
    if (!seenNodes.has(source) || !seenNodes.has(target)) continue;
    const data = pointsAsLatLon(relationship.props);
    const id = `${relationship.type}|${source}|${target}|${String(data.season ?? "")}`;
    if (seenEdges.has(id)) continue;
    seenEdges.add(id);
    // Cytoscape reserves data.source for the edge's end; the provenance slug goes in sourceDocument.
    data.sourceDocument = data.source ?? null;
    data.id = id;
    data.type = relationship.type;
    data.source = source;
    data.target = target;
    edges.push({ group: "edges", data });
  }
  return { nodes: [...seenNodes.values()], edges, truncated };
}

/** APOC's JSON points among the properties as { latitude, longitude }, in place (plainProperties without the copy). */
function pointsAsLatLon(props: Record<string, unknown>): Record<string, unknown> {
  for (const key in props) {
    const value = props[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const point = toLatLon(value);
    if (point.latitude !== null) props[key] = point;
  }
  return props;
}
