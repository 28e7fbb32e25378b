import { ApiError, type Elements, type EntityKind, type EntityRef, type NearHit, type Place, type Provenance, type SearchHit, type SourceInfo } from "./types.ts";

/**
 * The one module that talks to the server: every GraphQL call of the explorer, each answer
 * checked before the rest of the page sees it (a server that answers something else is reported,
 * not half-drawn).
 */
export function createApi(endpoint = "/graphql") {
  async function call<T>(query: string, variables: Record<string, unknown>, check: (data: any) => T, signal?: AbortSignal): Promise<T> {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = await response.json().catch(() => undefined);
    if (body?.errors?.length) {
      const error = body.errors[0];
      throw new ApiError(error.message, error.extensions?.code, error.extensions?.candidates ?? []);
    }
    if (!response.ok || !body?.data) throw new ApiError(`Le serveur a répondu ${response.status}`, "HTTP");
    return check(body.data);
  }

  const elementsFields = "nodes { group data } edges { group data } truncated";

  return {
    overview: (limit = 1500) =>
      call(`query Overview($limit: Int) { overview(limit: $limit) { nodes { group data position { x y } } edges { group data } truncated total } }`, { limit }, (d) => checkElements(d.overview)),

    neighbourhood: (ref: EntityRef, depth = 1, limit = 500) =>
      call(
        `query Neighbourhood($kind: EntityKind!, $slug: String!, $depth: Int, $limit: Int) { neighbourhood(kind: $kind, slug: $slug, depth: $depth, limit: $limit) { ${elementsFields} } }`,
        { ...ref, depth, limit },
        (d) => checkElements(d.neighbourhood),
      ),

    entities: (refs: EntityRef[]) =>
      call(`query Entities($refs: [EntityRef!]!) { entities(refs: $refs) { ${elementsFields} } }`, { refs }, (d) => checkElements(d.entities)),

    paths: (from: EntityRef, to: EntityRef) =>
      call(
        `query Paths($fk: EntityKind!, $fs: String!, $tk: EntityKind!, $ts: String!) { paths(fromKind: $fk, fromSlug: $fs, toKind: $tk, toSlug: $ts) { ${elementsFields} } }`,
        { fk: from.kind, fs: from.slug, tk: to.kind, ts: to.slug },
        (d) => checkElements(d.paths),
      ),

    search: (text: string, limit: number, signal?: AbortSignal) =>
      call(
        `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { kind slug name subkind score } }`,
        { text, limit },
        (d) => checkArray<SearchHit>(d.search, "search", (hit) => typeof hit.slug === "string" && typeof hit.kind === "string"),
        signal,
      ),

    alliesNear: (place: string, radiusKm: number) =>
      call(
        `query Near($place: String!, $radiusKm: Float) {
          alliesNear(place: $place, radiusKm: $radiusKm) { ally { kind slug name } distanceKm via { kind slug name } reason season approximate }
          place(name: $place) { name inseeCode departement departementName latitude longitude approximate }
        }`,
        { place, radiusKm },
        (d) => ({
          hits: checkArray<NearHit>(d.alliesNear, "alliesNear", (hit) => typeof hit.distanceKm === "number" && typeof hit.ally?.slug === "string"),
          place: check<Place>(d.place, "place", (p) => typeof p.inseeCode === "string"),
        }),
      ),

    provenance: (ref: EntityRef) => {
      const field = provenanceField[ref.kind];
      if (!field) return Promise.resolve([] as Provenance[]);
      return call(
        `query Provenance($slug: String!) { ${field}(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }`,
        { slug: ref.slug },
        (d) => {
          const edges = d[field]?.[0]?.sourcesConnection?.edges ?? [];
          return checkArray<any>(edges, "provenance", (e) => typeof e.node?.slug === "string").map(
            (e): Provenance => ({ source: e.node, fields: e.properties.fields ?? [], quotes: e.properties.quotes ?? [] }),
          );
        },
      );
    },

    filterOptions: () =>
      call(
        `{ cohorts(sort: [{ season: ASC }]) { slug name season startYear endYear }
           themes(sort: [{ name: ASC }]) { slug name }
           territories(where: { kind: { eq: "région" } }, sort: [{ name: ASC }]) { name inseeCode } }`,
        {},
        (d) => ({
          cohorts: checkArray<{ slug: string; name: string; season: number; startYear: number | null; endYear: number | null }>(d.cohorts, "cohorts", (c) => typeof c.season === "number"),
          themes: checkArray<{ slug: string; name: string }>(d.themes, "themes", (t) => typeof t.slug === "string"),
          regions: checkArray<{ name: string; inseeCode: string }>(d.territories, "régions", (r) => typeof r.inseeCode === "string"),
        }),
      ),

    collaborators: (ref: EntityRef) =>
      call(
        `query Collaborators($kind: EntityKind, $slug: String!) { collaborators(kind: $kind, slug: $slug) { collaborator { kind slug name } reasons { reason description } } }`,
        { ...ref },
        (d) =>
          checkArray<{ collaborator: { kind: EntityKind; slug: string; name: string }; reasons: { reason: string; description: string }[] }>(
            d.collaborators,
            "collaborators",
            (c) => typeof c.collaborator?.slug === "string" && Array.isArray(c.reasons),
          ),
      ),

    sources: () =>
      call(`{ sources(limit: 1000) { slug title publisher kind } }`, {}, (d) => checkArray<SourceInfo>(d.sources, "sources", (s) => typeof s.slug === "string")),
  };
}

export type Api = ReturnType<typeof createApi>;

const provenanceField: Partial<Record<EntityKind, string>> = {
  territory: "territories",
  ally: "allies",
  initiative: "initiatives",
  person: "people",
  cohort: "cohorts",
  theme: "themes",
};

function checkElements(value: any): Elements {
  check(value, "elements", (v) => Array.isArray(v.nodes) && Array.isArray(v.edges));
  for (const node of value.nodes) check(node.data, "node", (d) => typeof d.id === "string" && typeof d.kind === "string" && typeof d.slug === "string");
  for (const edge of value.edges) check(edge.data, "edge", (d) => typeof d.source === "string" && typeof d.target === "string" && typeof d.type === "string");
  return value as Elements;
}

function checkArray<T>(value: any, what: string, itemOk: (item: any) => boolean): T[] {
  if (!Array.isArray(value) || !value.every(itemOk)) throw new ApiError(`Réponse inattendue du serveur (${what})`, "SHAPE");
  return value as T[];
}

function check<T>(value: any, what: string, ok: (value: any) => boolean): T {
  if (value === null || typeof value !== "object" || !ok(value)) throw new ApiError(`Réponse inattendue du serveur (${what})`, "SHAPE");
  return value as T;
}
