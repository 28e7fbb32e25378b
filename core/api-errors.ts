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
}
export type ApiErrorReason = keyof ApiErrorParams;

/** Failures that are not the caller's: the explorer words them too. */
export interface ClientErrorParams {
  http: { status: number }; // the server answered without data
  shape: { what: string }; // the server's answer has not the expected shape
  internal: Record<string, never>; // the server failed (details in its log)
}
