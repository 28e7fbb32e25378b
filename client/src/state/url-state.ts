import type { EntityKind, EntityRef } from "../api/types.ts";
import type { Lang } from "../ui/i18n.ts";
import type { Filters } from "../graph/visibility.ts";

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

export const pathSegments: Record<EntityKind, string> = {
  territory: "territories",
  ally: "allies",
  initiative: "initiatives",
  person: "people",
  cohort: "cohorts",
  theme: "themes",
  source: "sources",
};
const kindOfSegment = Object.fromEntries(Object.entries(pathSegments).map(([kind, segment]) => [segment, kind])) as Record<string, EntityKind>;
const kinds = Object.keys(pathSegments) as EntityKind[];

export function parseUrl(pathname: string, search: string): UrlState {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const embed = parts[0] === "embed";
  if (embed) parts.shift();
  const entity = parts.length === 2 && kindOfSegment[parts[0]!] ? { kind: kindOfSegment[parts[0]!]!, slug: parts[1]! } : null;
  const query = new URLSearchParams(search);
  const number = (name: string, min: number, max: number): number | null => {
    const value = Number(query.get(name));
    return query.has(name) && Number.isInteger(value) && value >= min && value <= max ? value : null;
  };
  const listedKinds = query.get("kinds")?.split(",").filter((k): k is EntityKind => (kinds as string[]).includes(k)) ?? null;
  const place = query.get("near");
  const from = parseRef(query.get("from"));
  const to = parseRef(query.get("to"));
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
  const path = `${state.embed ? "/embed" : ""}${state.entity ? `/${pathSegments[state.entity.kind]}/${encodeURIComponent(state.entity.slug)}` : ""}` || "/";
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
    query.set("from", `${state.path.from.kind}:${state.path.from.slug}`);
    query.set("to", `${state.path.to.kind}:${state.path.to.slug}`);
  }
  if (state.lang === "en") query.set("lang", "en");
  if (state.limit !== null) query.set("limit", String(state.limit));
  const search = query.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  return search ? `${path}?${search}` : path;
}

/** The permalink of an entity, as the Fabrique's pages link to it. */
export function entityPath(ref: EntityRef, embed = false): string {
  return `${embed ? "/embed" : ""}/${pathSegments[ref.kind]}/${encodeURIComponent(ref.slug)}`;
}

export function refOfNodeId(id: string): EntityRef {
  const [kind, ...rest] = id.split(":");
  return { kind: kind as EntityKind, slug: rest.join(":") };
}

export function nodeIdOf(ref: EntityRef): string {
  return `${ref.kind}:${ref.slug}`;
}

function parseRef(value: string | null): EntityRef | null {
  if (!value) return null;
  const ref = refOfNodeId(value);
  return (kinds as string[]).includes(ref.kind) && ref.slug ? ref : null;
}
