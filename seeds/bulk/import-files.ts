import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { nodeRow, provenanceRows, relationshipRow, type LoadPlan } from "../build-load-plan.ts";
import { checkedLabel, checkedType } from "../../core/neo4j/cypher-template.ts";
import { relationshipKinds } from "../../core/model/index.ts";

/**
 * A load plan written as neo4j-admin import's CSV files (its header format: `slug:ID(Ally)`,
 * `:START_ID(Ally)`, typed columns), with the same properties and the same Cypher types the
 * batched loader writes: neo4j-driver sends a JS number as a FLOAT, so numbers are `double`.
 */

/**
 * neo4j-admin import reads an empty field as no property, where the batched loader stores an empty
 * list: rows holding empty lists name them in this column, and cypher/load/bulk-empty-lists.cypher
 * sets them after the import, then drops the column.
 */
export const EMPTY_LISTS = "_emptyLists";

/** Between the items of a list value: a control character that no seed value may hold (checked). */
export const ARRAY_DELIMITER = "\u001F";

type ColumnType = "string" | "double" | "boolean" | "string[]" | "double[]" | "boolean[]";

export interface ImportFiles {
  dir: string;
  /** neo4j-admin database import full's --nodes and --relationships options. */
  arguments: string[];
  nodes: number;
  relationships: number; // the plan's relationships, without provenance
  provenance: number;
  /** Where the files left out empty lists, for the fix-up after the import (seeds/bulk/bulk-load.ts). */
  emptyLists: EmptyLists[];
}

export interface EmptyLists {
  pattern: string; // `(entity:Ally)`, `(:Ally)-[entity:SOURCED_FROM]->()`: from the model's labels and types only
  always: string[]; // list properties every row has: where one is missing, it was empty
  marked: boolean; // other empty lists are named in the EMPTY_LISTS column
}

export class BulkInputError extends Error {}

export function writeImportFiles(plan: LoadPlan, dir: string): ImportFiles {
  fs.mkdirSync(dir, { recursive: true });
  const args: string[] = [];
  const result: ImportFiles = { dir, arguments: args, nodes: 0, relationships: 0, provenance: 0, emptyLists: [] };
  const marked = (pattern: string, fix: Omit<EmptyLists, "pattern"> | undefined): void => {
    if (fix) result.emptyLists.push({ pattern, ...fix });
  };
  for (const { label, entities } of plan.nodes) {
    if (!entities.length) continue;
    const rows = entities.map((entity) => {
      const row = nodeRow(plan, entity);
      const props: Record<string, unknown> = { ...row.props };
      delete props.slug;
      if (row.location) props.location = row.location;
      return { id: row.slug, props };
    });
    const file = path.join(dir, `nodes-${label}.csv`);
    marked(
      `(entity:${checkedLabel(label)})`,
      writeTable(file, [`slug:ID(${checkedLabel(label)})`], rows, (row) => [row.id], `${label} entities`),
    );
    args.push(`--nodes=${label}=${file}`);
    result.nodes += rows.length;
  }
  for (const group of plan.relationships) {
    if (!group.relationships.length) continue;
    const type = relationshipKinds[checkedType(group.type)].type;
    const rows = group.relationships.map((r) => {
      const row = relationshipRow(r);
      return { from: row.from, to: row.to, props: row.props };
    });
    const file = path.join(dir, `rels-${type}-${group.fromLabel}-${group.toLabel}.csv`);
    const ends = [`:START_ID(${checkedLabel(group.fromLabel)})`, `:END_ID(${checkedLabel(group.toLabel)})`];
    marked(
      `(:${checkedLabel(group.fromLabel)})-[entity:${type}]->()`,
      writeTable(file, ends, rows, (row) => [row.from, row.to], `${type} relationships`),
    );
    args.push(`--relationships=${type}=${file}`);
    result.relationships += rows.length;
  }
  for (const { label, entities } of plan.nodes) {
    if (label === "Source" || !entities.length) continue;
    const rows = entities.flatMap((entity) =>
      provenanceRows(plan, entity).map((p) => ({ from: p.slug, to: p.source, props: { fields: p.fields, quotes: p.quotes } })),
    );
    if (!rows.length) continue;
    const file = path.join(dir, `rels-SOURCED_FROM-${label}.csv`);
    // Every provenance row has both lists, empty or not: the columns are typed lists, whatever the first row holds.
    const columns = { fields: "string[]", quotes: "string[]" } as const;
    const ends = [`:START_ID(${checkedLabel(label)})`, ":END_ID(Source)"];
    marked(
      `(:${label})-[entity:SOURCED_FROM]->()`,
      writeTable(file, ends, rows, (row) => [row.from, row.to], `${label} provenance`, columns),
    );
    args.push(`--relationships=SOURCED_FROM=${file}`);
    result.provenance += rows.length;
  }
  return result;
}

/**
 * One CSV file: its header (the id columns, then one typed column per property any row has) and its
 * rows. Returns, when some row holds an empty list, how to restore them: a list property that every
 * row has needs no marker (missing means empty); the others are named in the EMPTY_LISTS column.
 */
function writeTable<T extends { props: Record<string, unknown> }>(
  file: string,
  idHeaders: string[],
  rows: T[],
  ids: (row: T) => string[],
  what: string,
  known: Record<string, ColumnType> = {},
): Omit<EmptyLists, "pattern"> | undefined {
  const columns = new Map<string, ColumnType | "location">(Object.entries(known));
  const emptyListsOnly = new Set<string>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.props)) {
      if (value === null || value === undefined) continue;
      // An empty list says nothing of its items' type: a column of empty lists only is a list of strings.
      if (Array.isArray(value) && value.length === 0) {
        if (!columns.has(name)) emptyListsOnly.add(name);
        continue;
      }
      const type = name === "location" ? "location" : columnType(value, `${what}: ${name}`);
      const before = columns.get(name);
      if (before === undefined) columns.set(name, type);
      else if (before !== type)
        throw new BulkInputError(`${what}: property ${name} holds both ${before} and ${type} values; load it with npm run seed`);
    }
  }
  for (const name of emptyListsOnly) if (!columns.has(name)) columns.set(name, "string[]");
  const isEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length === 0;
  const lists = [...columns].filter(([, type]) => type.endsWith("[]")).map(([name]) => name);
  const always = lists.filter((name) => rows.every((row) => Array.isArray(row.props[name])) && /^[A-Za-z]\w*$/.test(name));
  const someEmpty = lists.filter((name) => rows.some((row) => isEmptyList(row.props[name])));
  const alwaysEmpty = always.filter((name) => someEmpty.includes(name));
  const emptyLists = (row: T): string[] => Object.keys(row.props).filter((name) => isEmptyList(row.props[name]) && !always.includes(name));
  const marked = someEmpty.some((name) => !always.includes(name));
  const names = [...columns.keys()];
  const header = [
    ...idHeaders,
    ...names.map((name) => (columns.get(name) === "location" ? `${name}:point` : `${name}:${columns.get(name)}`)),
    ...(marked ? [`${EMPTY_LISTS}:string[]`] : []),
  ];
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, stringify([header]));
    for (let start = 0; start < rows.length; start += 5000) {
      const lines = rows.slice(start, start + 5000).map((row) => {
        const cells = [...ids(row), ...names.map((name) => cell(row.props[name], `${what}: ${name}`))];
        if (marked) cells.push(emptyLists(row).join(ARRAY_DELIMITER) || null);
        return cells;
      });
      fs.writeSync(fd, stringify(lines));
    }
  } finally {
    fs.closeSync(fd);
  }
  return someEmpty.length ? { always: alwaysEmpty, marked } : undefined;
}

function columnType(value: unknown, where: string): ColumnType {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) {
    const first = value[0];
    if (first === undefined || typeof first === "string") return "string[]";
    if (typeof first === "number") return "double[]";
    if (typeof first === "boolean") return "boolean[]";
  }
  throw new BulkInputError(`${where}: a value of this kind (${JSON.stringify(value)?.slice(0, 60)}) cannot go through neo4j-admin import`);
}

function cell(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const { latitude, longitude } = value as { latitude: number; longitude: number };
    return `{latitude:${latitude},longitude:${longitude}}`;
  }
  if (Array.isArray(value)) {
    for (const item of value)
      if (String(item).includes(ARRAY_DELIMITER)) throw new BulkInputError(`${where}: a list item holds the character U+001F`);
    return value.map(String).join(ARRAY_DELIMITER);
  }
  if (value === "") throw new BulkInputError(`${where}: an empty text, which neo4j-admin import would not keep`);
  return String(value);
}
