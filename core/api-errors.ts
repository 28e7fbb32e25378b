import type { Kind } from "./model/index.ts";

/** A commune the user may have meant, as a place error lists them. */
export interface PlaceCandidate {
  name: string;
  inseeCode: string;
  departement: string; // code
  departementName: string;
  label: string; // "Saint-Denis (93, Seine-Saint-Denis)": what to type to pick it
}

/**
 * The errors the API answers for a caller's mistake (GraphQL code BAD_USER_INPUT), each with the
 * parameters that explain it: `extensions.reason` and `extensions.params`. The server words them in
 * English for the `message`; the explorer words them in the page's language (core/locales).
 */
export interface ApiErrorParams {
  "entity-not-found": { kind: Kind; slug: string };
  "out-of-range": { argument: string; min: number; max: number; value: number };
  "radius-out-of-range": { max: number; value: number };
  "empty-place": { argument: string };
  unknown: { query: string; candidates: PlaceCandidate[] }; // no commune has that name
  ambiguous: { query: string; candidates: PlaceCandidate[] }; // several communes have it
  "no-coordinates": { name: string; departement: string };
  "not-a-collaborator": { kind: Kind };
  "text-too-long": { argument: string; max: number };
  "too-many": { argument: string; max: number };
  negative: { argument: string; value: number }; // a generated list's limit or offset below 0
  "invalid-coordinate": { argument: string; value: number }; // a latitude past ±90, a longitude past ±180
  "same-entity": { argument: string }; // paths from an entity to itself
  "unknown-value": { argument: string; value: string; allowed: string[] }; // a value outside its list
  "invalid-change": { problems: FieldProblem[] }; // a change refused: each reason at its field
  "change-state": { id: string; status: string }; // accepting what is not pending, reverting twice…
}

/**
 * Why a change is refused, at the field of the change it concerns ("operations[0].properties.name").
 * `reason` and `params`, when set, let the page word it in its language; `message` is English.
 */
export interface FieldProblem {
  field: string;
  message: string;
  reason?: FieldProblemReason;
  params?: Record<string, string | number>;
}
export type FieldProblemReason =
  "required" | "invalid-value" | "exists" | "not-found" | "stale" | "quote-not-found" | "cog-name" | "no-source" | "conflict";

/** Refusals that are about who asks, not what (GraphQL codes UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED). */
export interface AccessErrorParams {
  unauthenticated: Record<string, never>;
  forbidden: { needed: string };
  "rate-limited": { retryAfterSeconds: number };
}

export type ApiErrorReason = keyof ApiErrorParams;

/** Failures that are not the caller's: the explorer words them too. */
export interface ClientErrorParams {
  http: { status: number }; // the server answered without data
  shape: { what: string }; // the server's answer has not the expected shape
  internal: Record<string, never>; // the server failed (details in its log)
  unavailable: { seconds: number }; // the database is away: try again (HTTP 503, Retry-After)
  "query-timeout": { ms: number }; // the database stopped the query at its deadline
}
