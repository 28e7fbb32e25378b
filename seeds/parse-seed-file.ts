import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { checkValue } from "./check-value.ts";
import { entityKinds, provenanceFields, relationshipKinds, slugPattern, type Label } from "./model.ts";
import type { Problem } from "./problem.ts";

export interface SeedEntity {
  label: Label;
  slug: string;
  props: Record<string, unknown>; // the entity's own properties, checked against the model
  quotes: string[]; // sentences of the source that state these properties
  source: string | undefined; // the entity's source, or the file's
  file: string;
  line: number;
  propLines: Record<string, number>;
  given: string[]; // required properties written in this block (valid or not)
}

export interface SeedRelationship {
  type: string;
  from: string; // slug, optionally "label/slug" when slugs of two kinds collide
  to: string;
  props: Record<string, unknown>;
  source: string | undefined;
  quote: string | undefined;
  given: string[]; // every key written in the file, valid or not
  file: string;
  line: number;
  propLines: Record<string, number>; // line of each key, to point at "from:" or "to:" itself
}

export interface SeedFile {
  file: string;
  source: string | undefined; // default source of every fact in the file
  entities: SeedEntity[];
  relationships: SeedRelationship[];
  problems: Problem[];
}

const sections = new Map(Object.values(entityKinds).map((kind) => [kind.section, kind]));

/** Parses one YAML seed file and checks everything that can be checked within it. */
export function parseSeedFile(file: string, text: string): SeedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const result: SeedFile = { file, source: undefined, entities: [], relationships: [], problems: [] };
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const at = isPair(node) ? (node.key as Node | null) : node;
    return at?.range ? lineCounter.linePos(at.range[0]).line : 1;
  };
  const problem = (line: number, message: string): void => {
    result.problems.push({ file, line, message });
  };

  for (const error of doc.errors) problem(lineCounter.linePos(error.pos[0]).line, `YAML: ${error.message.split("\n")[0]}`);
  if (doc.errors.length > 0) return result;
  if (!isMap(doc.contents)) {
    problem(1, "a seed file is a map with keys such as source:, territories:, allies:, relationships:");
    return result;
  }

  for (const pair of doc.contents.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const line = lineOf(pair);
    if (key === "source") {
      if (isScalar(pair.value) && typeof pair.value.value === "string") result.source = pair.value.value;
      else problem(line, "source: must be the slug of a source");
    } else if (key === "relationships") {
      for (const item of listItems(pair, lineOf, problem)) {
        const relationship = parseRelationship(item, file, lineOf, problem);
        if (relationship) result.relationships.push(relationship);
      }
    } else if (sections.has(key)) {
      const kind = sections.get(key)!;
      for (const item of listItems(pair, lineOf, problem)) {
        const entity = parseEntity(item, kind.label, file, lineOf, problem);
        if (entity) result.entities.push(entity);
      }
    } else {
      problem(line, `unknown section "${key}"; expected source, ${[...sections.keys()].join(", ")} or relationships`);
    }
  }

  const seen = new Map<string, number>();
  for (const entity of result.entities) {
    const key = `${entity.label}/${entity.slug}`;
    if (seen.has(key)) problem(entity.line, `duplicate ${entity.label} "${entity.slug}" (first defined on line ${seen.get(key)})`);
    else seen.set(key, entity.line);
  }
  for (const entity of result.entities) entity.source ??= result.source;
  for (const relationship of result.relationships) relationship.source ??= result.source;
  return result;
}

function listItems(
  pair: Pair,
  lineOf: (node: Node | Pair | null | undefined) => number,
  problem: (line: number, message: string) => void,
): YAMLMap[] {
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return [];
  if (!isSeq(pair.value)) {
    problem(lineOf(pair), `${String(pair.key)}: must be a list (items starting with "- ")`);
    return [];
  }
  return pair.value.items.filter((item): item is YAMLMap => {
    if (isMap(item)) return true;
    problem(lineOf(item as Node), `each item of ${String(pair.key)}: must be a map of properties (key: value lines)`);
    return false;
  });
}

function parseEntity(
  map: YAMLMap,
  label: Label,
  file: string,
  lineOf: (node: Node | Pair | null | undefined) => number,
  problem: (line: number, message: string) => void,
): SeedEntity | undefined {
  const kind = entityKinds[label];
  const line = lineOf(map);
  const entity: SeedEntity = { label, slug: "", props: {}, quotes: [], source: undefined, file, line, propLines: {}, given: [] };
  for (const pair of map.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value = (pair.value as Node | null)?.toJSON?.() ?? (pair.value as unknown);
    const at = lineOf(pair);
    if (key === "slug") {
      if (typeof value !== "string" || !slugPattern.test(value)) problem(at, `slug "${String(value)}" must be lowercase ASCII words joined by hyphens, e.g. "loos-en-gohelle"`);
      else entity.slug = value;
    } else if (key === "source") {
      if (typeof value === "string") entity.source = value;
      else problem(at, "source: must be the slug of a source");
    } else if (key === "quote" || key === "quotes") {
      const quotes = typeof value === "string" ? [value] : Array.isArray(value) && value.every((q) => typeof q === "string") ? (value as string[]) : undefined;
      if (quotes) entity.quotes.push(...quotes);
      else problem(at, `${key}: must be a sentence of the source, or a list of them`);
    } else if (key in kind.properties) {
      const error = checkValue(value, kind.properties[key]!);
      if (error) problem(at, `${label} ${key}: ${error}`);
      else {
        entity.props[key] = value;
        entity.propLines[key] = at;
      }
    } else {
      problem(at, `unknown property "${key}" for ${label}; known: ${["slug", "source", "quote(s)", ...Object.keys(kind.properties)].join(", ")}`);
    }
  }
  // Other required properties are checked on the whole entity: a fiche may add a fact to an
  // entity a referential names, without repeating its name (merge-entities.ts).
  if (!entity.slug && !map.has("slug")) problem(line, `${label} is missing "slug"`);
  for (const required of kind.required) if (required !== "slug" && map.has(required)) entity.given.push(required);
  const start = entity.props.startDate ?? entity.props.startYear;
  const end = entity.props.endDate ?? entity.props.endYear;
  if (start !== undefined && end !== undefined && String(start) > String(end)) problem(line, `${label} "${entity.slug}" ends (${String(end)}) before it starts (${String(start)})`);
  return entity.slug ? entity : undefined;
}

function parseRelationship(
  map: YAMLMap,
  file: string,
  lineOf: (node: Node | Pair | null | undefined) => number,
  problem: (line: number, message: string) => void,
): SeedRelationship | undefined {
  const line = lineOf(map);
  const raw = map.toJSON() as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== "string" || !(type in relationshipKinds)) {
    problem(line, `relationship type "${String(type)}" is unknown; known: ${Object.keys(relationshipKinds).join(", ")}`);
    return undefined;
  }
  const kind = relationshipKinds[type]!;
  const relationship: SeedRelationship = { type, from: "", to: "", props: {}, source: undefined, quote: undefined, given: Object.keys(raw), file, line, propLines: {} };
  for (const pair of map.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value = raw[key];
    const at = lineOf(pair);
    relationship.propLines[key] = at;
    if (key === "type") continue;
    if (key === "from" || key === "to") {
      if (typeof value === "string" && /^([A-Za-z]+\/)?[a-z0-9-]+$/.test(value)) relationship[key] = value;
      else problem(at, `${key}: must be the slug of an entity`);
    } else if ((provenanceFields as readonly string[]).includes(key)) {
      if (typeof value === "string") relationship[key as "source" | "quote"] = value;
      else problem(at, `${key}: must be text`);
    } else if (key in kind.properties) {
      const error = checkValue(value, kind.properties[key]!);
      if (error) problem(at, `${type} ${key}: ${error}`);
      else relationship.props[key] = value;
    } else {
      problem(at, `unknown property "${key}" for ${type}; known: from, to, source, quote${Object.keys(kind.properties).map((p) => ", " + p).join("")}`);
    }
  }
  if (!relationship.from) problem(line, `${type} is missing "from"`);
  if (!relationship.to) problem(line, `${type} is missing "to"`);
  const { startYear, endYear } = relationship.props;
  if (typeof startYear === "number" && typeof endYear === "number" && startYear > endYear) problem(line, `${type} ends (${endYear}) before it starts (${startYear})`);
  return relationship.from && relationship.to ? relationship : undefined;
}
