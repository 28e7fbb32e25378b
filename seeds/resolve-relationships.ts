import { entityKey, type MergedEntity } from "./merge-entities.ts";
import { labels, relationshipKinds, type Label } from "../core/model/index.ts";
import type { ExistingEntity } from "./existing-entity.ts";
import type { SeedRelationship } from "./parse-seed-file.ts";
import type { Problem } from "./problem.ts";

/** A relationship whose ends are known entities. */
export interface ResolvedRelationship extends SeedRelationship {
  fromLabel: Label;
  toLabel: Label;
  fromSlug: string;
  toSlug: string;
}

/**
 * Finds the entities each relationship joins. A plain slug is looked up among the labels the
 * relationship type allows at that end; "Person/jane-doe" says the label when slugs collide.
 */
export function resolveRelationships(
  relationships: SeedRelationship[],
  entities: Map<string, MergedEntity>,
  problems: Problem[],
  existing: Map<string, ExistingEntity> = new Map(),
): ResolvedRelationship[] {
  // What the files describe comes first; entities already in the database are found too.
  const known = new Map<string, { label: Label; slug: string }>(existing);
  for (const [key, entity] of entities) known.set(key, entity);
  const resolved: ResolvedRelationship[] = [];
  const seen = new Map<string, SeedRelationship>();
  for (const relationship of relationships) {
    const kind = relationshipKinds[relationship.type]!;
    const from = resolveEnd(relationship, "from", kind.from, known, problems);
    const to = resolveEnd(relationship, "to", kind.to, known, problems);
    if (!from || !to) continue;
    if (kind.key.some((property) => relationship.props[property] === undefined)) continue; // reported when parsed
    const identity = [
      relationship.type,
      entityKey(from.label, from.slug),
      entityKey(to.label, to.slug),
      ...kind.key.map((k) => String(relationship.props[k])),
    ].join("|");
    const first = seen.get(identity);
    if (first) {
      problems.push({
        file: relationship.file,
        line: relationship.line,
        message: `${relationship.type} from "${from.slug}" to "${to.slug}" is already stated at ${first.file}:${first.line}`,
      });
      continue;
    }
    seen.set(identity, relationship);
    // Completed in place rather than copied: at 300 000 relationships, copies cost memory.
    const done = relationship as ResolvedRelationship;
    done.fromLabel = from.label;
    done.toLabel = to.label;
    done.fromSlug = from.slug;
    done.toSlug = to.slug;
    resolved.push(done);
  }
  return resolved;
}

function resolveEnd(
  relationship: SeedRelationship,
  end: "from" | "to",
  allowed: readonly Label[],
  entities: Map<string, { label: Label; slug: string }>,
  problems: Problem[],
): { label: Label; slug: string } | undefined {
  const reference = relationship[end];
  const report = (message: string): undefined => {
    problems.push({ file: relationship.file, line: end === "from" ? relationship.fromLine : relationship.toLine, message });
    return undefined;
  };
  const explicit = /^([A-Za-z]+)\/(.+)$/.exec(reference);
  if (explicit) {
    const label = labels.find((l) => l.toLowerCase() === explicit[1]!.toLowerCase());
    if (!label || !allowed.includes(label))
      return report(`${relationship.type} ${end} must be ${allowed.join(" or ")}, not "${explicit[1]}"`);
    return entities.get(entityKey(label, explicit[2]!)) ?? report(`${end}: no ${label} has the slug "${explicit[2]}"`);
  }
  const matches = allowed.map((label) => entities.get(entityKey(label, reference))).filter((e): e is { label: Label; slug: string } => !!e);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    return report(
      `${end}: "${reference}" is the slug of a ${matches.map((m) => m.label).join(" and a ")}; write ${matches.map((m) => `${m.label}/${reference}`).join(" or ")}`,
    );
  }
  const elsewhere = labels.filter((label) => entities.has(entityKey(label, reference)));
  if (elsewhere.length > 0) {
    const kind = relationshipKinds[relationship.type]!;
    return report(
      `${relationship.type} goes from ${kind.from.join("/")} to ${kind.to.join("/")}, but "${reference}" is a ${elsewhere.join("/")}`,
    );
  }
  return report(`${end}: unknown slug "${reference}" (no ${allowed.join(", ")} has it)`);
}
