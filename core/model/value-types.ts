import type { Words } from "./words.ts";

/** What a property may hold. The seed loader, the GraphQL types and the forms all read these. */
export type ValueType =
  | { type: "string" } // one line of text
  | { type: "text" } // free text, several sentences allowed
  | { type: "int"; min?: number; max?: number }
  | { type: "float"; min?: number; max?: number }
  | { type: "year" } // 1900..2100
  | { type: "date" } // YYYY, YYYY-MM or YYYY-MM-DD: sources are often no more precise than a month
  | { type: "enum"; values: readonly string[]; words: Readonly<Record<string, Words>> }
  | { type: "strings" } // list of one-line strings
  | { type: "url" }
  | { type: "boolean" }
  | { type: "location" }; // { latitude, longitude } in WGS-84 degrees

/** A property of an entity or a relationship: its value type, its names, and how the system treats it. */
export type Property = ValueType & {
  names: Words;
  doc?: string; // English, for API users: becomes the GraphQL field's description
  required?: boolean; // every entity of the kind has it (in some file, for seeds)
  derived?: boolean; // computed by the loader (from the gazetteer), never given by a file
  index?: "range"; // a range index serves lookups by it (cypher/schema)
  search?: boolean; // in the fulltext index that `search` queries
  hidden?: boolean; // not shown in the details panel's table (internal, or shown another way)
  minimumOf?: string; // a boolean that, when true, makes that property of the entity a minimum ("plus de 400")
};

/** Enumerated values with their names: `values` lists them in order. */
export function enumeration<const T extends Readonly<Record<string, Words>>>(
  words: T,
): { type: "enum"; values: readonly (keyof T & string)[]; words: T } {
  return { type: "enum", values: Object.keys(words) as (keyof T & string)[], words };
}
