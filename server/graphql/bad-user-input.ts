import { GraphQLError } from "graphql";
import type { ApiErrorParams, ApiErrorReason } from "../../core/api-errors.ts";
import { locales } from "../../core/locales/index.ts";

/**
 * An error in what the user asked: the argument at fault, a reason and its parameters (which the
 * explorer words in the page's language), and an English message for API users.
 */
export function badUserInput<R extends ApiErrorReason>(
  reason: R,
  params: ApiErrorParams[R],
  argument: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const message = (locales.en.errors[reason] as (p: ApiErrorParams[R]) => string)(params);
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument, reason, params, ...extensions } });
}

/** The check every `limit`-like argument gets. */
export function checkRange(argument: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput("out-of-range", { argument, min, max, value }, argument);
}

/**
 * The generated API passes some arguments to Cypher as they come: Neo4j then refuses a negative
 * `limit` or `offset` and an out-of-range point. Those refusals are the caller's mistake, answered
 * as BAD_USER_INPUT naming the argument (Neo4j checks them before reading anything).
 */
export function inputErrorFromNeo4j(error: unknown): GraphQLError | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !code.startsWith("Neo.ClientError.Statement.") || typeof message !== "string") return undefined;
  const paging = /^(LIMIT|SKIP): Invalid input\. '(-\d+)'/.exec(message);
  if (paging) {
    const argument = paging[1] === "LIMIT" ? "limit" : "offset";
    return badUserInput("negative", { argument, value: Number(paging[2]) }, argument);
  }
  const point = /invalid coordinate: \[(-?[\d.]+), (-?[\d.]+)\]/i.exec(message);
  if (point) {
    const [longitude, latitude] = [Number(point[1]), Number(point[2])];
    const argument = Math.abs(latitude) > 90 ? "latitude" : "longitude";
    return badUserInput("invalid-coordinate", { argument, value: argument === "latitude" ? latitude : longitude }, argument);
  }
  return undefined;
}
