import type { Kind } from "./model/index.ts";

/**
 * What an import of a spreadsheet will do, row by row, before anything is written: the page's
 * preview table, `npm run import -- --check`'s report, and what the change sent for review is
 * built from (seeds/import/spreadsheet). Problems and notes sit at their cell (the column's header)
 * with a reason and parameters that the page words in its language, and an English message.
 */
export interface ImportPreview {
  file: string;
  format: "csv" | "xlsx" | "ods" | "xls";
  encoding: string | undefined;
  delimiter: string | undefined;
  sheet: string | undefined;
  sheets: string[];
  headerLine: number;
  kind: Kind;
  columns: PreviewColumn[];
  rows: PreviewRow[];
  territories: PreviewTerritory[]; // the places rows name that the graph lacks: created with them
  counts: Record<PreviewAction, number> & { rows: number };
  mapping: { name: string | undefined; how: "saved" | "file" | "guessed" | "given" }; // where the mapping came from
}

export interface PreviewColumn {
  index: number;
  header: string;
  target: string | null; // what it maps to (core/model/column-targets.ts), null: not imported
  how: "saved" | "header" | "values" | "user" | "personal-data" | null;
  samples: string[];
}

/**
 * create: a new entity; update: an entity the graph has, with what the row adds or changes;
 * unchanged: the graph holds it all already; same-as-row: an earlier row's entity again (merged);
 * decide: maybe the same as an entity of the graph: the user says; problem: left out until fixed or
 * dropped; dropped: left out by the user.
 */
export type PreviewAction = "create" | "update" | "unchanged" | "same-as-row" | "decide" | "problem" | "dropped";

export interface PreviewRow {
  line: number;
  action: PreviewAction;
  cells: (string | null)[]; // as read, with the user's fixes
  entity: { kind: Kind; slug: string; name: string } | undefined;
  values: Record<string, unknown>; // the row's properties, as the model's values
  changes: { property: string; before: unknown; after: unknown }[]; // an update's
  place: PreviewPlace | undefined;
  links: PreviewLink[];
  match: PreviewMatch | undefined; // the entity (or row) it is, or may be, the same as
  alternatives: PreviewMatch[]; // for "decide": every candidate
  problems: CellIssue[];
  notes: CellIssue[];
  quote: string; // the row in its own words: what the change cites for its facts
}

export interface PreviewPlace {
  kind: "commune" | "intercommunalité" | "département";
  slug: string;
  name: string;
  code: string; // INSEE code, or SIREN for an intercommunalité
  departement: string | undefined;
  exists: boolean; // in the graph already (else created with the import)
  approximate: boolean; // placed at a centroid
  linked: boolean; // the graph places the row's entity already (there, or elsewhere: see the row's notes): nothing to add
}

export interface PreviewLink {
  column: string;
  type: string;
  direction: "out" | "in";
  other: { kind: Kind; slug: string; name: string; exists: boolean };
  props: Record<string, unknown>;
  exists: boolean; // the graph has this relationship already
}

export interface PreviewMatch {
  kind: Kind;
  slug: string;
  name: string;
  reasons: string[]; // siren, website, name, alias, similar-name
  row: number | undefined; // an earlier row of the file, not an entity of the graph
  props: Record<string, unknown>; // the entity as the graph has it, to show beside the row
  place: string | undefined; // where the graph has it based or located
}

export interface CellIssue {
  column: string | null; // the header of the cell; null: the row as a whole
  reason: string;
  params: Record<string, unknown>;
  message: string; // English
}

export interface PreviewTerritory {
  kind: "commune" | "intercommunalité" | "département";
  slug: string;
  name: string;
  code: string;
  rows: number[]; // the rows that name it
}

/** What the user decided in the preview: rows left out, cells corrected, and which duplicates are which. */
export interface ImportDecisions {
  drop?: number[] | undefined; // lines
  fixes?: Record<string, Record<string, string | null>> | undefined; // line → header → the corrected cell
  matches?: Record<string, string | null> | undefined; // line → the slug of the entity it is, or null: a new one
}

/**
 * What a fiche (PDF or text) brought in through the page will propose: the extractor's draft, every
 * entity and relationship with the sentences it comes from, the sentences it could not place, and
 * what the loader's checks say of the draft. `drop` keys ("entity:Ally/extracites", "relationship:3")
 * leave parts out when it is sent.
 */
export interface FichePreview {
  file: string;
  pages: number | undefined; // a PDF's
  layout: string;
  characters: number;
  source: { slug: string; title: string; exists: boolean };
  entities: {
    key: string;
    kind: Kind;
    slug: string;
    name: string;
    known: boolean;
    props: Record<string, unknown>;
    quotes: string[];
    notes: string[];
    source: string; // the fiche, or a referential (the COG for a commune's code)
  }[];
  relationships: { key: string; type: string; from: string; to: string; props: Record<string, unknown>; quote: string | undefined }[];
  unplaced: string[];
  problems: { line: number; message: string }[]; // the loader's, on the draft as it would be sent
  dropped: string[];
}
