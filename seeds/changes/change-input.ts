import type { Kind } from "../../core/model/index.ts";

/** What a change asks for, as GraphQL's ChangeInput gives it (schema.graphql documents each field). */
export type OperationKind = "CREATE_ENTITY" | "UPDATE_ENTITY" | "DELETE_ENTITY" | "CREATE_RELATIONSHIP" | "DELETE_RELATIONSHIP";

export interface EntityRefInput {
  kind: Kind;
  slug: string;
}

export interface RelationshipInput {
  type: string;
  from: EntityRefInput;
  to: EntityRefInput;
  properties?: Record<string, unknown> | null;
}

export interface OperationInput {
  op: OperationKind;
  entity?: EntityRefInput | null; // the entity created, updated or deleted
  version?: number | null; // update, delete: the version of the entity the author saw
  properties?: Record<string, unknown> | null; // create: every property; update: those it changes (null removes one)
  relationship?: RelationshipInput | null;
  quote?: string | null; // the sentence of the source that states this operation's facts (else the source's)
  quotes?: string[] | null; // several sentences, when one does not say it all
  source?: string | null; // the slug of a Source of the graph that states this operation instead of the change's (a referential: "cog")
}

export interface SourceInput {
  slug?: string | null; // a Source already in the graph
  document?: { title: string; publisher: string; year?: number | null; url?: string | null } | null;
  statement?: { by: string; on: string } | null; // a first-hand statement: who says it, when (YYYY-MM-DD)
  quote?: string | null; // the sentence quoted from it (for a statement: what was said)
}

export interface ChangeInput {
  operations: OperationInput[];
  source: SourceInput;
  note?: string | null;
}

export type { FieldProblem } from "../../core/api-errors.ts";

export const maxOperations = 200;
/** A spreadsheet of thousands of rows is one change (one per file, reviewed as a whole). */
export const maxImportOperations = 40_000;
