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
