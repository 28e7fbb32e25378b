/** The shapes the explorer works with: the server's answers (generated from the schema) and the elements' data. */
import type { EntityRef } from "../../../core/ids.ts";
import type { Kind } from "../../../core/model/index.ts";
import type { ChangeFieldsFragment, CollaboratorsQuery, NearQuery, SearchQuery, SourcesQuery } from "./__generated__/operations.ts";

export type { EntityRef };
export type EntityKind = Kind;

/** A node's data, as the element queries give it: the entity's own properties, and these. */
export interface NodeData {
  id: string; // "ally:extracites" (core/ids.ts)
  kind: Kind;
  slug: string;
  label: string;
  subkind: string | null;
  latitude: number | null;
  longitude: number | null;
  [property: string]: unknown;
}

export interface EdgeData {
  id: string;
  type: string;
  source: string; // node id
  target: string;
  season?: number | null;
  role?: string | null;
  quote?: string | null;
  sourceDocument?: string | null; // the Source slug (Cytoscape reserves data.source for the edge's end)
  [property: string]: unknown;
}

export interface Elements {
  nodes: { group: "nodes"; data: NodeData; position?: { x: number; y: number } | null }[];
  edges: { group: "edges"; data: EdgeData }[];
  truncated: boolean;
  total?: number;
}

export type SearchHit = SearchQuery["search"][number];
export type NearHit = NearQuery["alliesNear"][number];
export type Place = NearQuery["place"];
export type SourceInfo = SourcesQuery["sources"][number];
export type Collaboration = CollaboratorsQuery["collaborators"][number];

export interface Provenance {
  source: { slug: string; title: string; publisher: string };
  fields: string[];
  quotes: string[];
}

/** A change as the explorer sends it (schema.graphql's ChangeInput, with optional parts left out). */
export interface OperationInput {
  op: "CREATE_ENTITY" | "UPDATE_ENTITY" | "DELETE_ENTITY" | "CREATE_RELATIONSHIP" | "DELETE_RELATIONSHIP";
  entity?: EntityRef;
  version?: number;
  properties?: Record<string, unknown>;
  relationship?: { type: string; from: EntityRef; to: EntityRef; properties?: Record<string, unknown> };
  quote?: string;
}
export interface SourceInput {
  slug?: string;
  document?: { title: string; publisher: string; year?: number; url?: string };
  statement?: { by: string; on: string };
  quote?: string;
}
export interface ChangeInput {
  operations: OperationInput[];
  source: SourceInput;
  note?: string;
}
export type ChangeInfo = ChangeFieldsFragment;
