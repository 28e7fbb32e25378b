import neo4j from "neo4j-driver";
import { displayName, kindOf, type Kind, type Label } from "./model/index.ts";

export interface EntitySummary {
  kind: Kind;
  slug: string;
  name: string;
  subkind: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A WGS-84 point as { latitude, longitude }, or nulls: a driver Point, or APOC's JSON form of one. */
export function toLatLon(value: unknown): { latitude: number | null; longitude: number | null } {
  if (neo4j.isPoint(value as never)) {
    const point = value as unknown as { x: number; y: number };
    return { latitude: point.y, longitude: point.x };
  }
  if (isJsonPoint(value)) return { latitude: value.latitude, longitude: value.longitude };
  return { latitude: null, longitude: null };
}

/** apoc.convert.toJson writes a point as { crs, latitude, longitude, height }. */
function isJsonPoint(value: unknown): value is { latitude: number; longitude: number } {
  return typeof value === "object" && value !== null && typeof (value as { latitude?: unknown }).latitude === "number";
}

export function summarize(label: Label, props: Record<string, unknown>): EntitySummary {
  return {
    kind: kindOf[label],
    slug: String(props.slug),
    name: displayName(props),
    subkind: typeof props.kind === "string" ? props.kind : null,
    ...toLatLon(props.location),
  };
}

/** Node or relationship properties as plain JSON (points become { latitude, longitude }), `omit` left out. */
export function plainProperties(props: Record<string, unknown>, omit?: string): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key in props) {
    if (key === omit) continue;
    const value = props[key];
    plain[key] =
      typeof value === "object" && value !== null && (neo4j.isPoint(value as never) || isJsonPoint(value)) ? toLatLon(value) : value;
  }
  return plain;
}
