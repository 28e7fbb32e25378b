/** The shapes the server sends; graphql-client.ts checks every answer against them. */
export type EntityKind = "territory" | "ally" | "initiative" | "person" | "cohort" | "theme" | "source";

export interface EntityRef {
  kind: EntityKind;
  slug: string;
}

export interface NodeData {
  id: string; // "ally:extracites"
  kind: EntityKind;
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
  sourceDocument?: string | null;
  [property: string]: unknown;
}

export interface Elements {
  nodes: { group: "nodes"; data: NodeData; position?: { x: number; y: number } | null }[];
  edges: { group: "edges"; data: EdgeData }[];
  truncated: boolean;
  total?: number;
}

export interface SearchHit {
  kind: EntityKind;
  slug: string;
  name: string;
  subkind: string | null;
  score: number;
}

export interface NearHit {
  ally: { kind: EntityKind; slug: string; name: string };
  distanceKm: number;
  via: { kind: EntityKind; slug: string; name: string } | null;
  reason: "BASED_IN" | "ACCOMPANIED" | "CONTRIBUTED_TO";
  season: number | null;
  approximate: boolean;
}

export interface Place {
  name: string;
  inseeCode: string;
  departement: string;
  departementName: string;
  latitude: number | null;
  longitude: number | null;
  approximate: boolean;
}

export interface Provenance {
  source: { slug: string; title: string; publisher: string };
  fields: string[];
  quotes: string[];
}

export interface SourceInfo {
  slug: string;
  title: string;
  publisher: string;
  kind: string | null;
}

/** A GraphQL error the user can act on (BAD_USER_INPUT), with the candidates the server proposes. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly candidates: { label: string; name: string; departement: string }[] = [],
  ) {
    super(message);
  }
}
