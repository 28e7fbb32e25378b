import { GraphQLError } from "graphql";
import type { AccessErrorParams } from "../../../core/api-errors.ts";
import { locales } from "../../../core/locales/index.ts";
import { displayName, kindOf, labelOf, type Kind } from "../../../core/model/index.ts";
import { hasRole, type Role } from "../../../core/roles.ts";
import type { ChangeInput } from "../../../seeds/changes/change-input.ts";
import type { ChangeRecord } from "../../../seeds/changes/change-record.ts";
import { ChangeRefused, ChangeStateError, type Actor, type Changes } from "../../../seeds/changes/change-service.ts";
import type { Effect } from "../../../seeds/changes/effects.ts";
import { badUserInput, checkRange } from "../bad-user-input.ts";
import type { RequestContext } from "./services.ts";

const codes = { unauthenticated: "UNAUTHENTICATED", forbidden: "FORBIDDEN", "rate-limited": "RATE_LIMITED" } as const;

export function accessError<R extends keyof AccessErrorParams>(reason: R, params: AccessErrorParams[R]): GraphQLError {
  const message = (locales.en.errors[reason] as (p: AccessErrorParams[R]) => string)(params);
  return new GraphQLError(message, { extensions: { code: codes[reason], reason, params } });
}

/** The viewer, who must have at least `needed`. */
function require(context: RequestContext, needed: Role): Actor {
  if (!context.viewer) throw accessError("unauthenticated", {});
  if (!hasRole(context.viewer.role, needed)) throw accessError("forbidden", { needed });
  return { username: context.viewer.username, role: context.viewer.role };
}

/** Service errors as GraphQL errors: a refusal lists each problem at its field. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ChangeRefused)
      throw badUserInput("invalid-change", { problems: error.problems }, "change", { problems: error.problems });
    if (error instanceof ChangeStateError) throw badUserInput("change-state", { id: error.id, status: error.status }, "id");
    throw error;
  }
}

export function changeResolvers(changes: Changes) {
  return {
    Query: {
      me: (_: unknown, __: unknown, context: RequestContext) =>
        context.viewer ? { username: context.viewer.username, role: context.viewer.role } : null,
      history: async (_: unknown, args: { kind: Kind; slug: string; limit: number }) => {
        checkRange("limit", args.limit, 1, 1000);
        return changes.history(labelOf[args.kind], args.slug, args.limit);
      },
      reviewQueue: async (_: unknown, args: { limit: number }, context: RequestContext) => {
        require(context, "editor");
        checkRange("limit", args.limit, 1, 500);
        const [count, pending] = await Promise.all([changes.pendingCount(), changes.pending(args.limit)]);
        return { count, changes: pending };
      },
      change: async (_: unknown, args: { id: string }, context: RequestContext) => {
        const viewer = require(context, "viewer");
        const change = await changes.get(args.id);
        if (!change) return null;
        if (change.author !== viewer.username && !hasRole(context.viewer?.role, "editor"))
          throw accessError("forbidden", { needed: "editor" });
        return change;
      },
    },
    Mutation: {
      applyChange: (_: unknown, args: { change: ChangeInput }, context: RequestContext) => {
        const author = require(context, "editor");
        return answer(() => changes.apply(args.change, author, "edit"));
      },
      proposeChange: async (_: unknown, args: { change: ChangeInput }, context: RequestContext) => {
        if (context.viewer && hasRole(context.viewer.role, "contributor"))
          return answer(() => changes.hold(args.change, { username: context.viewer!.username, role: context.viewer!.role }, "proposal"));
        const wait = await context.limitSuggestion();
        if (wait > 0) throw accessError("rate-limited", { retryAfterSeconds: wait });
        const author = context.viewer
          ? { username: context.viewer.username, role: context.viewer.role }
          : { username: "visitor", role: "visitor" };
        return answer(() => changes.hold(args.change, author, "suggestion"));
      },
      acceptChange: (_: unknown, args: { id: string; comment?: string }, context: RequestContext) => {
        const reviewer = require(context, "editor");
        return answer(() => changes.accept(args.id, reviewer, args.comment ?? undefined));
      },
      rejectChange: (_: unknown, args: { id: string; comment: string }, context: RequestContext) => {
        const reviewer = require(context, "editor");
        if (!args.comment.trim())
          throw badUserInput("invalid-change", { problems: [{ field: "comment", message: "say why, for the author" }] }, "comment");
        return answer(() => changes.reject(args.id, reviewer, args.comment));
      },
      revertChange: (_: unknown, args: { id: string; reason: string }, context: RequestContext) => {
        const reviewer = require(context, "editor");
        if (!args.reason.trim())
          throw badUserInput("invalid-change", { problems: [{ field: "reason", message: "say why it is reverted" }] }, "reason");
        return answer(() => changes.revert(args.id, reviewer, args.reason));
      },
    },
    Change: {
      source: (change: ChangeRecord) => ({ ...change.input.source, slug: change.sourceSlug ?? change.input.source.slug ?? null }),
      operations: (change: ChangeRecord) => change.input.operations,
      effects: (change: ChangeRecord) => change.effects.map(effectSummary),
    },
  };
}

function effectSummary(effect: Effect) {
  const summary = (label: keyof typeof kindOf, slug: string, props?: Record<string, unknown> | null) => ({
    kind: kindOf[label],
    slug,
    name: props ? displayName(props) : slug,
    subkind: (props?.kind as string | undefined) ?? null,
    latitude: null,
    longitude: null,
  });
  if (effect.target === "entity")
    return {
      target: "entity",
      key: effect.key,
      entity: summary(effect.label, effect.slug, effect.after ?? effect.before),
      relationship: null,
      from: null,
      to: null,
      fields: effect.fields,
      before: effect.before,
      after: effect.after,
    };
  return {
    target: "relationship",
    key: effect.key,
    entity: null,
    relationship: effect.type,
    from: summary(effect.from.label, effect.from.slug),
    to: summary(effect.to.label, effect.to.slug),
    fields: [],
    before: effect.before,
    after: effect.after,
  };
}
