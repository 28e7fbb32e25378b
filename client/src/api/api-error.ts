import type { FieldProblem, PlaceCandidate } from "../../../core/api-errors.ts";
import { wordError } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";

/**
 * An error from the server (or about its answer), with what the page needs to word it in its own
 * language: the reason and its parameters (core/api-errors.ts), and the communes a place may have meant.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly reason: string | undefined,
    readonly params: unknown = {},
    readonly candidates: PlaceCandidate[] = [],
    readonly problems: FieldProblem[] = [], // a refused change: each reason at its field
  ) {
    super(message);
  }
}

/** What to tell the user, in the page's language: the reason's words, else the server's own message. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof ApiError && error.reason) return wordError(lang, error.reason, error.params) ?? error.message;
  return (error as Error).message ?? String(error);
}
