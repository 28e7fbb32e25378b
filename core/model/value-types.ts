import type { Words } from "./words.ts";

/** What a property may hold. The seed loader, the GraphQL types and the forms all read these. */
export type ValueType =
  | { type: "string"; pattern?: { name: string; regex: RegExp; expected: string } } // one line of text; `pattern` for codes (a SIREN is 9 digits)
  | { type: "text" } // free text, several sentences allowed
  | { type: "int"; min?: number; max?: number }
  | { type: "float"; min?: number; max?: number }
  | { type: "year" } // 1900..2100
  | { type: "date" } // YYYY, YYYY-MM or YYYY-MM-DD: sources are often no more precise than a month
  | { type: "enum"; values: readonly string[]; words: Readonly<Record<string, Words>>; also?: Readonly<Record<string, readonly string[]>> }
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
  headers?: readonly string[]; // other column headers a spreadsheet names it by, beyond its names ("Raison sociale" for a name)
};

/**
 * Enumerated values with their names: `values` lists them in order. `also`: how people write a value
 * in their own spreadsheets ("SCOP", "asso"), which an import reads as that value.
 */
export function enumeration<const T extends Readonly<Record<string, Words>>>(
  words: T,
  also: Partial<Readonly<Record<keyof T & string, readonly string[]>>> = {},
): { type: "enum"; values: readonly (keyof T & string)[]; words: T; also: Readonly<Record<string, readonly string[]>> } {
  return {
    type: "enum",
    values: Object.keys(words) as (keyof T & string)[],
    words,
    also: also as Readonly<Record<string, readonly string[]>>,
  };
}
