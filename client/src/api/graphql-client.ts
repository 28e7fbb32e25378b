import { nodeId } from "../../../core/ids.ts";
import type { Kind } from "../../../core/model/index.ts";
import { provenanceQueries } from "./__generated__/provenance-queries.ts";
import type * as Op from "./__generated__/operations.ts";
import { ApiError } from "./api-error.ts";
import collaboratorsQuery from "./operations/collaborators.graphql?raw";
import elementsFragment from "./operations/elements.fragment.graphql?raw";
import entitiesOperation from "./operations/entities.graphql?raw";
import filterOptionsQuery from "./operations/filter-options.graphql?raw";
import nearQuery from "./operations/near.graphql?raw";
import neighbourhoodOperation from "./operations/neighbourhood.graphql?raw";
import overviewQuery from "./operations/overview.graphql?raw";
import pathsOperation from "./operations/paths.graphql?raw";
import searchQuery from "./operations/search.graphql?raw";
import sourcesQuery from "./operations/sources.graphql?raw";
import changeFragment from "./operations/change.fragment.graphql?raw";
import applyChangeOperation from "./operations/apply-change.graphql?raw";
import proposeChangeOperation from "./operations/propose-change.graphql?raw";
import acceptChangeOperation from "./operations/review-change.graphql?raw";
import rejectChangeOperation from "./operations/reject-change.graphql?raw";
import revertChangeOperation from "./operations/revert-change.graphql?raw";
import historyOperation from "./operations/history.graphql?raw";
import reviewQueueOperation from "./operations/review-queue.graphql?raw";
import placeQuery from "./operations/place.graphql?raw";
import territoryByCodeQuery from "./operations/territory-by-code.graphql?raw";
import structureQuery from "./operations/structure.graphql?raw";
import entityMetricsQuery from "./operations/entity-metrics.graphql?raw";
import viewsQuery from "./operations/views.graphql?raw";
import dataQualityQuery from "./operations/data-quality.graphql?raw";
import type { ChangeInput, Elements, EntityRef, Provenance } from "./types.ts";

// The element queries select the same fields: one fragment, sent with each; the change operations too.
const [entitiesQuery, neighbourhoodQuery, pathsQuery] = [entitiesOperation, neighbourhoodOperation, pathsOperation].map(
  (operation) => `${operation}\n${elementsFragment}`,
);
const [applyChangeQuery, proposeChangeQuery, acceptChangeQuery, rejectChangeQuery, revertChangeQuery, historyQuery, reviewQueueQuery] = [
  applyChangeOperation,
  proposeChangeOperation,
  acceptChangeOperation,
  rejectChangeOperation,
  revertChangeOperation,
  historyOperation,
  reviewQueueOperation,
].map((operation) => `${operation}\n${changeFragment}`);
const isChange = (c: { id?: unknown; status?: unknown } | null | undefined) => typeof c?.id === "string" && typeof c.status === "string";

/**
 * The one module that talks to the server: every GraphQL call of the explorer (its operations are the
 * .graphql files beside it, their answers' types generated from the schema), each answer checked
 * before the rest of the page sees it: a server that answers something else is reported, not half-drawn.
 */
export function createApi(endpoint = "/graphql") {
  async function call<T, V extends Record<string, unknown>>(
    query: string,
    variables: V,
    check: (data: T) => boolean,
    signal?: AbortSignal,
  ): Promise<T> {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = await response.json().catch(() => undefined);
    if (body?.errors?.length) {
      const { message, extensions = {} } = body.errors[0];
      throw new ApiError(
        message,
        extensions.code,
        extensions.reason,
        extensions.params,
        extensions.candidates ?? [],
        extensions.problems ?? [],
      );
    }
    if (!response.ok || !body?.data) throw new ApiError(`HTTP ${response.status}`, "HTTP", "http", { status: response.status });
    const what = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?";
    if (!check(body.data as T)) throw new ApiError(`Unexpected answer (${what})`, "SHAPE", "shape", { what });
    return body.data as T;
  }

  return {
    overview: (limit = 1500) =>
      call<Op.OverviewQuery, Op.OverviewQueryVariables>(overviewQuery, { limit }, (d) => isElements(d.overview)).then(
        (d) => d.overview as Elements,
      ),

    neighbourhood: (ref: EntityRef, depth = 1, limit = 500) =>
      call<Op.NeighbourhoodQuery, Op.NeighbourhoodQueryVariables>(neighbourhoodQuery, { ...ref, depth, limit }, (d) =>
        isElements(d.neighbourhood),
      ).then((d) => d.neighbourhood as Elements),

    entities: (refs: EntityRef[]) =>
      call<Op.EntitiesQuery, Op.EntitiesQueryVariables>(entitiesQuery, { refs }, (d) => isElements(d.entities)).then(
        (d) => d.entities as Elements,
      ),

    paths: (from: EntityRef, to: EntityRef) =>
      call<Op.PathsQuery, Op.PathsQueryVariables>(pathsQuery, { fk: from.kind, fs: from.slug, tk: to.kind, ts: to.slug }, (d) =>
        isElements(d.paths),
      ).then((d) => d.paths as Elements),

    search: (text: string, limit: number, signal?: AbortSignal) =>
      call<Op.SearchQuery, Op.SearchQueryVariables>(
        searchQuery,
        { text, limit },
        (d) => every(d.search, (hit) => typeof hit.slug === "string" && typeof hit.kind === "string"),
        signal,
      ).then((d) => d.search),

    alliesNear: (place: string, radiusKm: number, theme: string | null = null) =>
      call<Op.NearQuery, Op.NearQueryVariables>(
        nearQuery,
        { place, radiusKm, theme },
        (d) =>
          every(d.alliesNear, (hit) => typeof hit.distanceKm === "number" && typeof hit.ally?.slug === "string") &&
          typeof d.place?.inseeCode === "string",
      ).then((d) => ({ hits: d.alliesNear, place: d.place })),

    provenance: async (ref: EntityRef): Promise<Provenance[]> => {
      const operation = (provenanceQueries as Partial<Record<Kind, { field: string; query: string }>>)[ref.kind];
      if (!operation) return [];
      type Answer = Record<
        string,
        { sourcesConnection: { edges: { properties: { fields: string[]; quotes: string[] }; node: Provenance["source"] }[] } }[]
      >;
      const data = await call<Answer, Op.ProvenanceAllyQueryVariables>(operation.query, { slug: ref.slug }, (d) =>
        every(d[operation.field]?.[0]?.sourcesConnection?.edges ?? [], (e) => typeof e.node?.slug === "string"),
      );
      return (data[operation.field]?.[0]?.sourcesConnection.edges ?? []).map((e) => ({
        source: e.node,
        fields: e.properties.fields ?? [],
        quotes: e.properties.quotes ?? [],
      }));
    },

    filterOptions: () =>
      call<Op.FilterOptionsQuery, Op.FilterOptionsQueryVariables>(
        filterOptionsQuery,
        {},
        (d) =>
          every(d.cohorts, (c) => typeof c.season === "number") &&
          every(d.themes, (t) => typeof t.slug === "string") &&
          every(d.territories, (r) => typeof r.inseeCode === "string"),
      ).then((d) => ({
        cohorts: d.cohorts,
        themes: d.themes,
        regions: d.territories.map((r) => ({ name: r.name, inseeCode: r.inseeCode! })),
      })),

    collaborators: (ref: EntityRef) =>
      call<Op.CollaboratorsQuery, Op.CollaboratorsQueryVariables>(collaboratorsQuery, { ...ref }, (d) =>
        every(d.collaborators, (c) => typeof c.collaborator?.slug === "string" && Array.isArray(c.reasons)),
      ).then((d) => d.collaborators),

    applyChange: (change: ChangeInput) =>
      call<Op.ApplyChangeMutation, Op.ApplyChangeMutationVariables>(applyChangeQuery, { change } as never, (d) =>
        isChange(d.applyChange),
      ).then((d) => d.applyChange),

    proposeChange: (change: ChangeInput) =>
      call<Op.ProposeChangeMutation, Op.ProposeChangeMutationVariables>(proposeChangeQuery, { change } as never, (d) =>
        isChange(d.proposeChange),
      ).then((d) => d.proposeChange),

    acceptChange: (id: string) =>
      call<Op.AcceptChangeMutation, Op.AcceptChangeMutationVariables>(acceptChangeQuery, { id, comment: null }, (d) =>
        isChange(d.acceptChange),
      ).then((d) => d.acceptChange),

    rejectChange: (id: string, comment: string) =>
      call<Op.RejectChangeMutation, Op.RejectChangeMutationVariables>(rejectChangeQuery, { id, comment }, (d) =>
        isChange(d.rejectChange),
      ).then((d) => d.rejectChange),

    revertChange: (id: string, reason: string) =>
      call<Op.RevertChangeMutation, Op.RevertChangeMutationVariables>(revertChangeQuery, { id, reason }, (d) =>
        isChange(d.revertChange),
      ).then((d) => d.revertChange),

    history: (ref: EntityRef) =>
      call<Op.HistoryQuery, Op.HistoryQueryVariables>(
        historyQuery,
        { ...ref },
        (d) => typeof d.history?.version === "number" && every(d.history.changes, isChange),
      ).then((d) => d.history),

    reviewQueue: () =>
      call<Op.ReviewQueueQuery, Op.ReviewQueueQueryVariables>(reviewQueueQuery, {}, (d) => typeof d.reviewQueue?.count === "number").then(
        (d) => d.reviewQueue,
      ),

    place: (name: string) =>
      call<Op.PlaceQuery, Op.PlaceQueryVariables>(placeQuery, { name }, (d) => typeof d.place?.inseeCode === "string").then((d) => d.place),

    territoryByCode: (code: string) =>
      call<Op.TerritoryByCodeQuery, Op.TerritoryByCodeQueryVariables>(territoryByCodeQuery, { code }, (d) =>
        Array.isArray(d.territories),
      ).then((d) => d.territories[0]),

    structure: (brokers = 12) =>
      call<Op.StructureQuery, Op.StructureQueryVariables>(
        structureQuery,
        { brokers },
        (d) =>
          every(d.communities, (c) => typeof c.id === "number" && typeof c.name === "string") &&
          every(d.brokers, (b) => typeof b.entity?.slug === "string" && typeof b.spans?.communities === "number") &&
          typeof d.networkMetrics?.betweennessSampled === "boolean",
      ),

    entityMetrics: (ids: string[]) =>
      call<Op.EntityMetricsQuery, Op.EntityMetricsQueryVariables>(entityMetricsQuery, { ids }, (d) =>
        every(d.entityMetrics, (m) => typeof m.id === "string" && typeof m.betweenness === "number" && Array.isArray(m.themes)),
      ).then((d) => d.entityMetrics),

    views: () =>
      call<Op.ViewsQuery, Op.ViewsQueryVariables>(viewsQuery, {}, (d) =>
        every(d.views, (v) => typeof v.slug === "string" && typeof v.query === "string"),
      ).then((d) => d.views),

    dataQuality: () =>
      call<Op.DataQualityQuery, Op.DataQualityQueryVariables>(
        dataQualityQuery,
        {},
        (d) => every(d.dataQuality?.withoutQuote, (e) => typeof e.slug === "string") && Array.isArray(d.dataQuality.likelyDuplicates),
      ).then((d) => d.dataQuality),

    sources: () =>
      call<Op.SourcesQuery, Op.SourcesQueryVariables>(sourcesQuery, {}, (d) => every(d.sources, (s) => typeof s.slug === "string")).then(
        (d) => d.sources,
      ),
  };
}

export type Api = ReturnType<typeof createApi>;

function isElements(value: { nodes: { data: unknown }[]; edges: { data: unknown }[] } | null | undefined): boolean {
  if (!value || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return false;
  const node = (d: unknown) =>
    isRecord(d) &&
    typeof d.id === "string" &&
    typeof d.kind === "string" &&
    typeof d.slug === "string" &&
    d.id === nodeId({ kind: d.kind as Kind, slug: d.slug });
  const edge = (d: unknown) => isRecord(d) && typeof d.source === "string" && typeof d.target === "string" && typeof d.type === "string";
  return value.nodes.every((n) => node(n.data)) && value.edges.every((e) => edge(e.data));
}

function every<T>(value: readonly T[] | null | undefined, ok: (item: T) => boolean): boolean {
  return Array.isArray(value) && value.every(ok);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
