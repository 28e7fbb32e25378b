import { entityPath, nodeId, parseNodeId, type EntityRef } from "../../../core/ids.ts";
import { isKind, kindOfSegment, type Kind, type Lang } from "../../../core/model/index.ts";
import type { Filters } from "../graph/visibility.ts";
import { colorModes, sizeModes, type ColorMode, type SizeMode } from "../../../core/views/view-query.ts";

export { entityPath };

/**
 * Every state of the explorer is a URL: the entity in the path (/allies/extracites), the rest in
 * the query string (?layout=map&season=2&kinds=ally,territory&focus=2&size=betweenness&until=1…;
 * core/views/view-query.ts lists the keys). /embed/<same path> is the chrome-less view for iframes.
 */
export interface UrlState {
  embed: boolean;
  entity: EntityRef | null;
  layout: "network" | "map";
  view: "graph" | "list";
  filters: Filters;
  focusDepth: number | null; // focus mode on the entity, at this depth (1-3)
  near: { place: string; radiusKm: number; theme: string | null } | null; // theme: a slug, or null for every theme
  path: { from: EntityRef; to: EntityRef } | null;
  lang: Lang;
  limit: number | null; // how many entities the first view shows (the server's default: 1 500)
  display: Display;
  community: number | null; // one community brought forward (the Structure section)
  title: string | null; // the name a user gave this view
}

/** The *Affichage* panel: what the nodes' size and colour say. */
export interface Display {
  size: SizeMode | null; // null: the size of the kind
  color: ColorMode;
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
      until: number("until", 1, 99),
    },
    focusDepth: number("focus", 1, 3),
    near: place ? { place, radiusKm: number("radius", 1, 1000) ?? 50, theme: query.get("nearTheme") || null } : null,
    path: from && to ? { from, to } : null,
    lang: query.get("lang") === "en" ? "en" : "fr",
    limit: number("limit", 1, 20000),
    display: {
      size: (sizeModes as readonly string[]).includes(query.get("size") ?? "") ? (query.get("size") as SizeMode) : null,
      color: (colorModes as readonly string[]).includes(query.get("color") ?? "") ? (query.get("color") as ColorMode) : "kind",
    },
    community: number("community", 0, 100000),
    title: query.get("title")?.trim().slice(0, 120) || null,
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
    if (state.near.theme) query.set("nearTheme", state.near.theme);
  }
  if (state.path) {
    query.set("from", nodeId(state.path.from));
    query.set("to", nodeId(state.path.to));
  }
  if (state.display.size) query.set("size", state.display.size);
  if (state.display.color !== "kind") query.set("color", state.display.color);
  if (state.filters.until !== null) query.set("until", String(state.filters.until));
  if (state.community !== null) query.set("community", String(state.community));
  if (state.title) query.set("title", state.title);
  if (state.lang === "en") query.set("lang", "en");
  if (state.limit !== null) query.set("limit", String(state.limit));
  const search = query.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  return search ? `${path}?${search}` : path;
}
