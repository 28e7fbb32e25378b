import { nodeIdOfLabel, refOfNodeId } from "../../../core/ids.ts";
import { labelOf, networkLabels } from "../../../core/model/index.ts";
import { summarize } from "../../../core/node-values.ts";
import type { MetricsService, MetricsSnapshot } from "../../metrics/metrics-service.ts";
import { checkRange } from "../bad-user-input.ts";
import type { RequestContext } from "./services.ts";

/**
 * communities, brokers, networkMetrics, and the `metrics` field of every entity of the network.
 * One snapshot per request (the graph version is asked once, however many entities are listed).
 */
export function metricsResolvers(service: MetricsService) {
  const snapshot = (context: RequestContext): Promise<MetricsSnapshot> => (context.metrics ??= service.get());
  const summary = (s: MetricsSnapshot, id: string) => {
    const { kind, slug } = refOfNodeId(id);
    return summarize(labelOf[kind], { slug, name: s.names.get(id) ?? slug });
  };
  return {
    Query: {
      communities: async (_: unknown, __: unknown, context: RequestContext) => {
        const s = await snapshot(context);
        // members as a function: graphql-js calls it only when the query asks for them (50 000 summaries otherwise).
        return s.metrics.communities.map((c) => ({ ...c, members: () => c.members.map((id) => summary(s, id)) }));
      },
      brokers: async (_: unknown, args: { limit: number }, context: RequestContext) => {
        checkRange("limit", args.limit, 1, 200);
        const s = await snapshot(context);
        return s.metrics.brokers
          .slice(0, args.limit)
          .map((b) => ({ entity: summary(s, b.id), betweenness: b.betweenness, spans: b.spans }));
      },
      entityMetrics: async (_: unknown, args: { ids: string[] }, context: RequestContext) => {
        checkRange("ids", args.ids.length, 0, 4000); // 4 000 ids stay well under the 100 kB body limit
        const s = await snapshot(context);
        return [...new Set(args.ids)].flatMap((id) => {
          const metrics = s.metrics.nodes.get(id);
          const groups = s.groups.get(id);
          return metrics && groups ? [{ id, ...metrics, ...groups }] : [];
        });
      },
      networkMetrics: async (_: unknown, __: unknown, context: RequestContext) => {
        const s = await snapshot(context);
        return {
          version: s.version,
          entities: s.nodeCount,
          communities: s.metrics.communities.length,
          modularity: s.metrics.modularity,
          betweennessSampled: s.metrics.betweennessSampled,
          computedMs: s.computedMs,
        };
      },
    },
    entities: Object.fromEntries(
      networkLabels.map((label) => [
        label,
        {
          metrics: async (source: { slug: string }, _: unknown, context: RequestContext) =>
            (await snapshot(context)).metrics.nodes.get(nodeIdOfLabel(label, source.slug)) ?? null,
        },
      ]),
    ),
  };
}
