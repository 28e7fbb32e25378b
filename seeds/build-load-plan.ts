import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { checkTerritories, gazetteerSources, type DerivedLocation, type DerivedRegion } from "./check-territories.ts";
import { entityKey, mergeEntities, type MergedEntity } from "./merge-entities.ts";
import { labels, relationshipKinds, type Label } from "../core/model/index.ts";
import type { ExistingEntity } from "./existing-entity.ts";
import type { SeedFile } from "./parse-seed-file.ts";
import type { Problem } from "./problem.ts";
import { resolveRelationships, type ResolvedRelationship } from "./resolve-relationships.ts";
import { normalizeForQuotes, readSourceText } from "./source-texts.ts";

export interface NodeRow {
  slug: string;
  props: Record<string, unknown>; // every property of the node; the node gets exactly these
  location: { latitude: number; longitude: number } | null;
}

export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface ProvenanceRow {
  slug: string;
  source: string;
  fields: string[]; // the properties this source gave
  quotes: string[]; // its sentences that state them
}

export interface RelationshipGroup {
  type: string;
  fromLabel: Label;
  toLabel: Label;
  key: string[];
  relationships: ResolvedRelationship[];
}

/**
 * What to write, validated. Rows are made batch by batch as they are written (nodeRow,
 * relationshipRow, provenanceRows), not all at once: 100 000 entities stay within a few hundred MB.
 */
export interface LoadPlan {
  nodes: { label: Label; entities: MergedEntity[] }[];
  relationships: RelationshipGroup[];
  sources: string[];
  nodeCount: number;
  relationshipCount: number;
  locations: Map<string, DerivedLocation>;
  regions: Map<string, DerivedRegion>;
}

export interface PlanOptions {
  sourcesDir: string; // where Source.file texts are
  gazetteer: Gazetteer;
  /** Entities already in the database that the files may refer to (imports); keyed "Label/slug". */
  existing?: Map<string, ExistingEntity>;
}

/** Validates a set of parsed seed files together and, if nothing is wrong, says exactly what to write. */
export function buildLoadPlan(files: SeedFile[], options: PlanOptions): { plan: LoadPlan | undefined; problems: Problem[] } {
  const problems: Problem[] = files.flatMap((file) => file.problems);
  const existing = options.existing ?? new Map<string, ExistingEntity>();
  const entities = mergeEntities(
    files.flatMap((file) => file.entities),
    problems,
  );
  const sourceTexts = readSourceTexts(entities, existing, options.sourcesDir, problems);
  checkProvenance(entities, existing, files, sourceTexts, problems);
  const relationships = resolveRelationships(
    files.flatMap((file) => file.relationships),
    entities,
    problems,
    existing,
  );
  const territories = checkTerritories(entities, relationships, options.gazetteer, problems);
  const sourceKnown = (slug: string): boolean => entities.has(entityKey("Source", slug)) || existing.has(entityKey("Source", slug));
  const needsGeonames = territories.locations.size > 0 && !sourceKnown(gazetteerSources.coordinates);
  const needsCog = territories.regions.size > 0 && !sourceKnown(gazetteerSources.names);
  for (const [slug, missing] of [
    [gazetteerSources.coordinates, needsGeonames],
    [gazetteerSources.names, needsCog],
  ] as const) {
    if (missing)
      problems.push({
        file: files[0]?.file ?? "seeds/data",
        line: 1,
        message: `the gazetteer adds facts from source "${slug}", which no seed file lists under "sources:"`,
      });
  }
  if (problems.length > 0) return { plan: undefined, problems };

  const locations = new Map<string, DerivedLocation>();
  for (const [key, entity] of existing) if (entity.location && !entities.has(key)) locations.set(key, entity.location);
  for (const [slug, location] of territories.locations) locations.set(entityKey("Territory", slug), location);
  placeAlliesWhereBased(entities, relationships, locations);
  return { plan: assemblePlan(entities, relationships, locations, territories.regions), problems };
}

function readSourceTexts(
  entities: Map<string, MergedEntity>,
  existing: Map<string, ExistingEntity>,
  sourcesDir: string,
  problems: Problem[],
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const source of existing.values()) {
    if (source.label !== "Source" || entities.has(entityKey("Source", source.slug))) continue;
    const text =
      source.text !== undefined ? normalizeForQuotes(source.text) : source.file ? readSourceText(sourcesDir, source.file) : undefined;
    if (text !== undefined) texts.set(source.slug, text);
  }
  for (const source of entities.values()) {
    if (source.label !== "Source") continue;
    // A text kept in the graph (a fiche that came in through the page) is checked like a file's.
    if (typeof source.props.text === "string") {
      texts.set(source.slug, normalizeForQuotes(source.props.text));
      continue;
    }
    if (typeof source.props.file !== "string") continue;
    const text = readSourceText(sourcesDir, source.props.file);
    const block = source.blocks.find((b) => "file" in b.props)!;
    if (text === undefined)
      problems.push({
        file: block.file,
        line: block.propLines.file ?? block.line,
        message: `source text "${source.props.file}" is not in ${sourcesDir}`,
      });
    else texts.set(source.slug, text);
  }
  return texts;
}

/** Every fact names a known source, and every quote is found, word for word, in that source's text. */
function checkProvenance(
  entities: Map<string, MergedEntity>,
  existing: Map<string, ExistingEntity>,
  files: SeedFile[],
  texts: Map<string, string>,
  problems: Problem[],
): void {
  const check = (file: string, line: number, source: string | undefined, quotes: string[]): void => {
    if (!source) {
      problems.push({ file, line, message: 'no source: name one with "source:" at the top of the file or on this item' });
      return;
    }
    if (!entities.has(entityKey("Source", source)) && !existing.has(entityKey("Source", source))) {
      problems.push({ file, line, message: `unknown source "${source}"; sources are listed under "sources:"` });
      return;
    }
    const text = texts.get(source);
    for (const quote of quotes) {
      if (text !== undefined && !text.includes(normalizeQuote(quote))) {
        problems.push({
          file,
          line,
          message: `quote not found in source "${source}": "${quote.length > 60 ? quote.slice(0, 60) + "…" : quote}"`,
        });
      }
    }
  };
  for (const entity of entities.values()) {
    if (entity.label === "Source") continue;
    for (const block of entity.blocks) check(block.file, block.line, block.source, block.quotes);
  }
  for (const relationship of files.flatMap((file) => file.relationships)) {
    check(relationship.file, relationship.line, relationship.source, relationship.quote ? [relationship.quote] : []);
  }
}

function normalizeQuote(quote: string): string {
  return quote.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

/** An ally without coordinates of its own stands where it is based. */
function placeAlliesWhereBased(
  entities: Map<string, MergedEntity>,
  relationships: ResolvedRelationship[],
  locations: Map<string, DerivedLocation>,
): void {
  for (const relationship of relationships) {
    if (relationship.type !== "BASED_IN") continue;
    const allyKey = entityKey("Ally", relationship.fromSlug);
    const ally = entities.get(allyKey);
    const where = locations.get(entityKey("Territory", relationship.toSlug));
    if (!ally || ally.props.location || locations.has(allyKey) || !where) continue;
    locations.set(allyKey, { ...where, precision: `based-in:${where.precision}` });
  }
  for (const entity of entities.values()) {
    const location = entity.props.location as { latitude: number; longitude: number } | undefined;
    const key = entityKey(entity.label, entity.slug);
    if (location && !locations.has(key)) locations.set(key, { ...location, precision: "seed", approximate: false });
  }
}

function assemblePlan(
  entities: Map<string, MergedEntity>,
  relationships: ResolvedRelationship[],
  locations: Map<string, DerivedLocation>,
  regions: Map<string, DerivedRegion>,
): LoadPlan {
  const nodes = labels.map((label) => ({ label, entities: [] as MergedEntity[] }));
  for (const entity of entities.values()) nodes.find((n) => n.label === entity.label)!.entities.push(entity);
  const groups = new Map<string, RelationshipGroup>();
  for (const relationship of relationships) {
    const groupKey = `${relationship.type}|${relationship.fromLabel}|${relationship.toLabel}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        type: relationship.type,
        fromLabel: relationship.fromLabel,
        toLabel: relationship.toLabel,
        key: [...relationshipKinds[relationship.type].key],
        relationships: [],
      };
      groups.set(groupKey, group);
    }
    group.relationships.push(relationship);
  }
  return {
    nodes: nodes.filter((n) => n.entities.length > 0),
    relationships: [...groups.values()],
    sources: [...entities.values()].filter((e) => e.label === "Source").map((e) => e.slug),
    nodeCount: entities.size,
    relationshipCount: relationships.length,
    locations,
    regions,
  };
}

/** The node as it will be: its merged properties, and what the gazetteer derives. */
export function nodeRow(plan: LoadPlan, entity: MergedEntity): NodeRow {
  const { location: _given, ...props } = entity.props;
  const location = plan.locations.get(entityKey(entity.label, entity.slug));
  if (location) {
    props.locationPrecision = location.precision;
    props.locationApproximate = location.approximate;
  }
  const region = entity.label === "Territory" ? plan.regions.get(entity.slug) : undefined;
  if (region) Object.assign(props, region);
  return {
    slug: entity.slug,
    props: { slug: entity.slug, ...props },
    location: location ? { latitude: location.latitude, longitude: location.longitude } : null,
  };
}

export function relationshipRow(relationship: ResolvedRelationship): RelationshipRow {
  const props: Record<string, unknown> = { ...relationship.props, source: relationship.source };
  if (relationship.quote) props.quote = relationship.quote;
  return { from: relationship.fromSlug, to: relationship.toSlug, props };
}

export function provenanceRows(plan: LoadPlan, entity: MergedEntity): ProvenanceRow[] {
  const location = plan.locations.get(entityKey(entity.label, entity.slug));
  const region = entity.label === "Territory" ? plan.regions.get(entity.slug) : undefined;
  return provenanceOf(entity, location, region);
}

/** One row per (entity, source): the fields that source gave and the sentences that say so. */
function provenanceOf(entity: MergedEntity, location: DerivedLocation | undefined, region: DerivedRegion | undefined): ProvenanceRow[] {
  const bySource = new Map<string, ProvenanceRow>();
  const add = (source: string, fields: string[], quotes: string[]): void => {
    const row = bySource.get(source) ?? { slug: entity.slug, source, fields: [], quotes: [] };
    for (const field of fields) if (!row.fields.includes(field)) row.fields.push(field);
    for (const quote of quotes) if (!row.quotes.includes(quote)) row.quotes.push(quote);
    bySource.set(source, row);
  };
  for (const block of entity.blocks) add(block.source!, Object.keys(block.props), block.quotes);
  if (location && !entity.props.location && location.precision !== "seed") add(gazetteerSources.coordinates, ["location"], []);
  if (region) add(gazetteerSources.names, ["regionCode", "regionName"], []);
  return [...bySource.values()].map((row) => ({ ...row, fields: row.fields.sort() }));
}
