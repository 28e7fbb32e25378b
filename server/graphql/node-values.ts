import neo4j from "neo4j-driver";
import type { GraphLabel } from "../neo4j/cypher-template.ts";
import { displayName, entityKindOf, type EntityKind } from "./entity-kinds.ts";

export interface EntitySummary {
  kind: EntityKind;
  slug: string;
  name: string;
  subkind: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A Neo4j WGS-84 point as { latitude, longitude }, or nulls. */
export function toLatLon(value: unknown): { latitude: number | null; longitude: number | null } {
  if (neo4j.isPoint(value as never)) {
    const point = value as unknown as { x: number; y: number };
    return { latitude: point.y, longitude: point.x };
  }
  return { latitude: null, longitude: null };
}

export function summarize(label: GraphLabel, props: Record<string, unknown>): EntitySummary {
  return {
    kind: entityKindOf[label],
    slug: String(props.slug),
    name: displayName(props),
    subkind: typeof props.kind === "string" ? props.kind : null,
    ...toLatLon(props.location),
  };
}

/** Node or relationship properties as plain JSON: points become { latitude, longitude }. */
export function plainProperties(props: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    plain[key] = neo4j.isPoint(value as never) ? toLatLon(value) : value;
  }
  return plain;
}
