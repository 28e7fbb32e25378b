/** The shapes the explorer works with: the server's answers (generated from the schema) and the elements' data. */
import type { EntityRef } from "../../../core/ids.ts";
import type { Kind } from "../../../core/model/index.ts";
import type { CollaboratorsQuery, NearQuery, SearchQuery, SourcesQuery } from "./__generated__/operations.ts";

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
