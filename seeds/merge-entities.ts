import { requiredOf, type Label } from "../core/model/index.ts";
import type { SeedEntity } from "./parse-seed-file.ts";
import type { Problem } from "./problem.ts";

/** One entity as the graph will hold it, with every file block that described it. */
export interface MergedEntity {
  label: Label;
  slug: string;
  props: Record<string, unknown>;
  blocks: SeedEntity[]; // in file order: each carries its own source and quotes
}

/**
 * Several files may describe one entity (a referential gives its identity, a fiche what it did):
 * their properties are united, and the same property given two different values is an error.
 */
export function mergeEntities(entities: SeedEntity[], problems: Problem[]): Map<string, MergedEntity> {
  const merged = mergeBlocks(entities, problems);
  for (const entity of merged.values()) {
    for (const required of requiredOf(entity.label)) {
      if (required === "slug" || required in entity.props || entity.blocks.some((b) => b.given.includes(required))) continue;
      const first = entity.blocks[0]!;
      problems.push({
        file: first.file,
        line: first.line,
        message: `${entity.label} "${entity.slug}" is missing "${required}" (in every file that describes it)`,
      });
    }
  }
  return merged;
}

function mergeBlocks(entities: SeedEntity[], problems: Problem[]): Map<string, MergedEntity> {
  const merged = new Map<string, MergedEntity>();
  for (const entity of entities) {
    const key = entityKey(entity.label, entity.slug);
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { label: entity.label, slug: entity.slug, props: { ...entity.props }, blocks: [entity] });
      continue;
    }
    for (const [property, value] of Object.entries(entity.props)) {
      if (!(property in existing.props)) {
        existing.props[property] = value;
        continue;
      }
      if (JSON.stringify(existing.props[property]) === JSON.stringify(value)) continue;
      const first = existing.blocks.find((block) => property in block.props)!;
      problems.push({
        file: entity.file,
        line: entity.propLines[property] ?? entity.line,
        message: `${entity.label} "${entity.slug}" ${property} is ${JSON.stringify(value)} here but ${JSON.stringify(existing.props[property])} in ${first.file}:${first.propLines[property] ?? first.line}`,
      });
    }
    existing.blocks.push(entity);
  }
  return merged;
}

export function entityKey(label: Label, slug: string): string {
  return `${label}/${slug}`;
}
