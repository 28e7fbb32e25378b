import {
  derivedPropertyNames,
  givenPropertiesOf,
  isRelationshipType,
  labels,
  relationshipKinds,
  relationshipTypes,
  type Label,
} from "../../core/model/index.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";

/**
 * Kumu's spreadsheet layout: an Elements sheet (ID, Label, Type, Description, Tags, then one column
 * per property) and a Connections sheet (From, To, Type, Direction, Label, then properties). The
 * Provenance column keeps, as JSON, which source gave which fields with which quotes, so that an
 * import rebuilds the graph exactly; Kumu shows it as text.
 */
export const elementBaseColumns = ["ID", "Label", "Type", "Description", "Tags"] as const;
export const elementTailColumns = ["latitude", "longitude", "Provenance"] as const;
export const connectionBaseColumns = ["From", "To", "Type", "Direction", "Label"] as const;
export const connectionTailColumns = ["Source", "Quote"] as const;
export const listSeparator = " | ";

/** Every property of the model, in the model's order: the columns between the base and the tail. */
export function elementPropertyColumns(): string[] {
  const given = labels.flatMap((label) => Object.keys(givenPropertiesOf(label))).filter((p) => p !== "slug" && p !== "location");
  return [...new Set([...given, ...derivedPropertyNames.filter((p) => p !== "location")])];
}

export function connectionPropertyColumns(): string[] {
  const columns: string[] = [];
  for (const type of relationshipTypes)
    for (const property of Object.keys(relationshipKinds[type].properties)) if (!columns.includes(property)) columns.push(property);
  return columns;
}

export type Cell = string | number | boolean | null;

/** The graph as Kumu rows: provenance goes in the Provenance column, not in Connections. */
export function toKumuRows(graph: WholeGraph): { elements: Cell[][]; connections: Cell[][] } {
  const properties = elementPropertyColumns();
  const provenance = new Map<string, { source: string; fields: string[]; quotes: string[] }[]>();
  for (const r of graph.relationships) {
    if (r.type !== "SOURCED_FROM") continue;
    const id = exportId(r.fromLabel, r.fromSlug);
    provenance.set(id, [
      ...(provenance.get(id) ?? []),
      { source: r.toSlug, fields: (r.props.fields as string[]) ?? [], quotes: (r.props.quotes as string[]) ?? [] },
    ]);
  }
  const elements: Cell[][] = [[...elementBaseColumns, ...properties, ...elementTailColumns]];
  for (const node of graph.nodes) {
    const id = exportId(node.label, node.slug);
    const location = node.props.location as { latitude: number; longitude: number } | undefined;
    elements.push([
      id,
      String(node.props.name ?? node.props.title ?? node.slug),
      node.label,
      (node.props.description ?? node.props.summary ?? null) as Cell,
      typeof node.props.kind === "string" ? node.props.kind : null,
      ...properties.map((property) => cell(node.props[property])),
      location?.latitude ?? null,
      location?.longitude ?? null,
      provenance.has(id) ? JSON.stringify(provenance.get(id)) : null,
    ]);
  }
  const relationshipProperties = connectionPropertyColumns();
  const connections: Cell[][] = [[...connectionBaseColumns, ...relationshipProperties, ...connectionTailColumns]];
  for (const r of graph.relationships) {
    if (r.type === "SOURCED_FROM") continue;
    connections.push([
      exportId(r.fromLabel, r.fromSlug),
      exportId(r.toLabel, r.toSlug),
      r.type,
      "directed",
      isRelationshipType(r.type) ? relationshipKinds[r.type].names.fr : r.type, // Kumu shows the label on the connection
      ...relationshipProperties.map((property) => cell(r.props[property])),
      cell(r.props.source),
      cell(r.props.quote),
    ]);
  }
  return { elements, connections };
}

function cell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(listSeparator);
  if (typeof value === "object") return JSON.stringify(value);
  return value as Cell;
}

export function labelOfType(type: string): Label | undefined {
  return labels.find((label) => label.toLowerCase() === type.trim().toLowerCase());
}
