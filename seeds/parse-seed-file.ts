import { checkValue } from "../core/validation/value-schema.ts";
import {
  entityKinds,
  givenPropertiesOf,
  isRelationshipType,
  labels,
  provenanceProperties,
  relationshipKinds,
  slugPattern,
  type Label,
  type RelationshipType,
  type ValueType,
} from "../core/model/index.ts";
import type { Problem } from "./problem.ts";
import { readSeedYaml, type SeedItem } from "./read-seed-yaml.ts";

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
  type: RelationshipType;
  from: string; // slug, optionally "label/slug" when slugs of two kinds collide
  to: string;
  props: Record<string, unknown>;
  source: string | undefined;
  quote: string | undefined;
  file: string;
  line: number;
  fromLine: number; // to point at "from:" or "to:" itself
  toLine: number;
  // Set when the ends are found (resolve-relationships.ts); declared here so that every
  // relationship object has one shape (hundreds of thousands of them, in V8's fast mode).
  fromLabel: Label | undefined;
  toLabel: Label | undefined;
  fromSlug: string | undefined;
  toSlug: string | undefined;
}

export interface SeedFile {
  file: string;
  source: string | undefined; // default source of every fact in the file
  entities: SeedEntity[];
  relationships: SeedRelationship[];
  problems: Problem[];
}

const sections = new Map<string, Label>(labels.map((label) => [entityKinds[label].section, label]));
const provenanceFields = Object.keys(provenanceProperties);

/** Parses one YAML seed file and checks everything that can be checked within it. */
export function parseSeedFile(file: string, text: string): SeedFile {
  const yaml = readSeedYaml(text);
  const result: SeedFile = { file, source: undefined, entities: [], relationships: [], problems: [] };
  const problem = (line: number, message: string): void => {
    result.problems.push({ file, line, message });
  };
  for (const error of yaml.errors) problem(error.line, error.message);
  if (yaml.errors.length > 0) return result;
  if (!yaml.isMap) {
    problem(1, "a seed file is a map with keys such as source:, territories:, allies:, relationships:");
    return result;
  }

  for (const section of yaml.sections) {
    const { key, line } = section;
    if (key === "source") {
      if (typeof section.value === "string") result.source = section.value;
      else problem(line, "source: must be the slug of a source");
    } else if (key === "relationships" || sections.has(key)) {
      if (section.value === null) continue;
      if (!section.items) {
        problem(line, `${key}: must be a list (items starting with "- ")`);
        continue;
      }
      for (const item of section.items) {
        if (item.value === null || typeof item.value !== "object" || Array.isArray(item.value)) {
          problem(item.line, `each item of ${key}: must be a map of properties (key: value lines)`);
          continue;
        }
        if (key === "relationships") {
          const relationship = parseRelationship(item, file, problem);
          if (relationship) result.relationships.push(relationship);
        } else {
          const entity = parseEntity(item, sections.get(key)!, file, problem);
          if (entity) result.entities.push(entity);
        }
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

function parseEntity(item: SeedItem, label: Label, file: string, problem: (line: number, message: string) => void): SeedEntity | undefined {
  const properties = givenPropertiesOf(label);
  const line = item.line;
  const values = item.value as Record<string, unknown>;
  const entity: SeedEntity = { label, slug: "", props: {}, quotes: [], source: undefined, file, line, propLines: {}, given: [] };
  for (const [key, value] of Object.entries(values)) {
    const at = item.keyLines.get(key) ?? line;
    if (key === "slug") {
      if (typeof value !== "string" || !slugPattern.test(value))
        problem(at, `slug "${String(value)}" must be lowercase ASCII words joined by hyphens, e.g. "loos-en-gohelle"`);
      else entity.slug = value;
    } else if (key === "source") {
      if (typeof value === "string") entity.source = value;
      else problem(at, "source: must be the slug of a source");
    } else if (key === "quote" || key === "quotes") {
      const quotes =
        typeof value === "string"
          ? [value]
          : Array.isArray(value) && value.every((q) => typeof q === "string")
            ? (value as string[])
            : undefined;
      if (quotes) entity.quotes.push(...quotes);
      else problem(at, `${key}: must be a sentence of the source, or a list of them`);
    } else if (key in properties && key !== "slug") {
      const error = checkValue(value, properties[key]!);
      if (error) problem(at, `${label} ${key}: ${error}`);
      else {
        entity.props[key] = value;
        entity.propLines[key] = at;
      }
    } else {
      problem(
        at,
        `unknown property "${key}" for ${label}; known: ${["slug", "source", "quote(s)", ...Object.keys(properties).filter((p) => p !== "slug")].join(", ")}`,
      );
    }
  }
  // Other required properties are checked on the whole entity: a fiche may add a fact to an
  // entity a referential names, without repeating its name (merge-entities.ts).
  if (!entity.slug && !("slug" in values)) problem(line, `${label} is missing "slug"`);
  for (const [name, property] of Object.entries(properties))
    if (property.required && name !== "slug" && name in values) entity.given.push(name);
  const start = entity.props.startDate ?? entity.props.startYear;
  const end = entity.props.endDate ?? entity.props.endYear;
  if (start !== undefined && end !== undefined && String(start) > String(end))
    problem(line, `${label} "${entity.slug}" ends (${String(end)}) before it starts (${String(start)})`);
  return entity.slug ? entity : undefined;
}

function parseRelationship(item: SeedItem, file: string, problem: (line: number, message: string) => void): SeedRelationship | undefined {
  const line = item.line;
  const raw = item.value as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== "string" || !isRelationshipType(type)) {
    problem(
      item.keyLines.get("type") ?? line,
      `relationship type "${String(type)}" is unknown; known: ${Object.keys(relationshipKinds).join(", ")}`,
    );
    return undefined;
  }
  const kind = relationshipKinds[type];
  const relationship: SeedRelationship = {
    type,
    from: "",
    to: "",
    props: {},
    source: undefined,
    quote: undefined,
    file,
    line,
    fromLine: item.keyLines.get("from") ?? line,
    toLine: item.keyLines.get("to") ?? line,
    fromLabel: undefined,
    toLabel: undefined,
    fromSlug: undefined,
    toSlug: undefined,
  };
  // Properties that tell two relationships of this type apart must be there (ACCOMPANIED's season).
  for (const property of kind.key) if (!(property in raw)) problem(line, `${type} needs "${property}"`);
  for (const [key, value] of Object.entries(raw)) {
    const at = item.keyLines.get(key) ?? line;
    if (key === "type") continue;
    if (key === "from" || key === "to") {
      if (typeof value === "string" && /^([A-Za-z]+\/)?[a-z0-9-]+$/.test(value)) relationship[key] = value;
      else problem(at, `${key}: must be the slug of an entity`);
    } else if (provenanceFields.includes(key)) {
      if (typeof value === "string") relationship[key as "source" | "quote"] = value;
      else problem(at, `${key}: must be text`);
    } else if (key in kind.properties) {
      const error = checkValue(value, (kind.properties as Record<string, ValueType>)[key]!);
      if (error) problem(at, `${type} ${key}: ${error}`);
      else relationship.props[key] = value;
    } else {
      problem(
        at,
        `unknown property "${key}" for ${type}; known: from, to, source, quote${Object.keys(kind.properties)
          .map((p) => ", " + p)
          .join("")}`,
      );
    }
  }
  if (!relationship.from) problem(line, `${type} is missing "from"`);
  if (!relationship.to) problem(line, `${type} is missing "to"`);
  const { startYear, endYear } = relationship.props;
  if (typeof startYear === "number" && typeof endYear === "number" && startYear > endYear)
    problem(line, `${type} ends (${endYear}) before it starts (${startYear})`);
  return relationship.from && relationship.to ? relationship : undefined;
}
