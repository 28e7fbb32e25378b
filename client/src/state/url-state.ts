import { entityPath, nodeId, parseNodeId, type EntityRef } from "../../../core/ids.ts";
import { isKind, kindOfSegment, type Kind, type Lang } from "../../../core/model/index.ts";
import type { Filters } from "../graph/visibility.ts";

export { entityPath };

/**
 * Every state of the explorer is a URL: the entity in the path (/allies/extracites), the rest in
 * the query string (?layout=map&season=2&kinds=ally,territory&focus=2…). /embed/<same path> is the
 * chrome-less view for iframes.
 */
export interface UrlState {
  embed: boolean;
  entity: EntityRef | null;
  layout: "network" | "map";
  view: "graph" | "list";
  filters: Filters;
  focusDepth: number | null; // focus mode on the entity, at this depth (1-3)
  near: { place: string; radiusKm: number } | null;
  path: { from: EntityRef; to: EntityRef } | null;
  lang: Lang;
  limit: number | null; // how many entities the first view shows (the server's default: 1 500)
}

export function parseUrl(pathname: string, search: string): UrlState {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const embed = parts[0] === "embed";
  if (embed) parts.shift();
  const kind = parts.length === 2 ? kindOfSegment[parts[0]!] : undefined;
  const entity = kind ? { kind, slug: parts[1]! } : null;
  const query = new URLSearchParams(search);
  const number = (name: string, min: number, max: number): number | null => {
    const value = Number(query.get(name));
    return query.has(name) && Number.isInteger(value) && value >= min && value <= max ? value : null;
  };
  const listedKinds =
    query
      .get("kinds")
      ?.split(",")
      .filter((k): k is Kind => isKind(k)) ?? null;
  const place = query.get("near");
  const from = parseNodeId(query.get("from"));
  const to = parseNodeId(query.get("to"));
  return {
    embed,
    entity,
    layout: query.get("layout") === "map" ? "map" : "network",
    view: query.get("view") === "list" ? "list" : "graph",
    filters: {
      kinds: listedKinds && listedKinds.length > 0 ? listedKinds : null,
      season: number("season", 1, 99),
      theme: query.get("theme") || null,
      region: query.get("region") || null,
    },
    focusDepth: number("focus", 1, 3),
    near: place ? { place, radiusKm: number("radius", 1, 1000) ?? 50 } : null,
    path: from && to ? { from, to } : null,
    lang: query.get("lang") === "en" ? "en" : "fr",
    limit: number("limit", 1, 20000),
  };
}

export function toUrl(state: UrlState): string {
  const path = state.entity ? entityPath(state.entity, state.embed) : state.embed ? "/embed" : "/";
  const query = new URLSearchParams();
  if (state.layout === "map") query.set("layout", "map");
  if (state.view === "list") query.set("view", "list");
  if (state.filters.kinds) query.set("kinds", state.filters.kinds.join(","));
  if (state.filters.season !== null) query.set("season", String(state.filters.season));
  if (state.filters.theme) query.set("theme", state.filters.theme);
  if (state.filters.region) query.set("region", state.filters.region);
  if (state.focusDepth !== null && state.entity) query.set("focus", String(state.focusDepth));
  if (state.near) {
    query.set("near", state.near.place);
    query.set("radius", String(state.near.radiusKm));
  }
  if (state.path) {
    query.set("from", nodeId(state.path.from));
    query.set("to", nodeId(state.path.to));
  }
  if (state.lang === "en") query.set("lang", "en");
  if (state.limit !== null) query.set("limit", String(state.limit));
  const search = query.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  return search ? `${path}?${search}` : path;
}
