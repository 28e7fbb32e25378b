import path from "node:path";
import { distance } from "fastest-levenshtein";
import { normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import { listSeedFiles, readSeedFiles } from "../load-seeds.ts";
import type { Label } from "../../core/model/index.ts";

export interface KnownEntity {
  label: Label;
  slug: string;
  names: string[]; // name or title, and aliases
  props: Record<string, unknown>;
}

/**
 * What seeds/data already knows (allies, places, sources, cohorts…), so that a draft reuses their
 * slugs and spellings. The seed file the draft would replace is left out.
 */
export class Knowledge {
  readonly entities: KnownEntity[] = [];
  /** Relationships seeds/data already states ("TYPE|from|to|season"): a draft does not state them again. */
  readonly relationships = new Set<string>();

  static fromSeeds(excludeFile?: string): Knowledge {
    const knowledge = new Knowledge();
    const files = listSeedFiles().filter((file) => !excludeFile || path.basename(file) !== path.basename(excludeFile));
    const merged = new Map<string, KnownEntity>();
    for (const seed of readSeedFiles(files)) {
      for (const entity of seed.entities) {
        const key = `${entity.label}/${entity.slug}`;
        const known = merged.get(key) ?? { label: entity.label, slug: entity.slug, names: [], props: {} };
        Object.assign(known.props, entity.props);
        for (const name of [entity.props.name, entity.props.title, ...((entity.props.aliases as string[] | undefined) ?? [])]) {
          if (typeof name === "string" && !known.names.includes(name)) known.names.push(name);
        }
        merged.set(key, known);
      }
    }
    knowledge.entities.push(...merged.values());
    for (const seed of readSeedFiles(files)) {
      for (const r of seed.relationships) knowledge.relationships.add(relationshipKey(r.type, r.from, r.to, r.props.season));
    }
    return knowledge;
  }

  /**
   * What the graph knows, for a fiche brought in through the page: the live graph is the master copy
   * once it is edited, and holds what imports added, which seeds/data does not.
   */
  static fromEntities(
    entities: {
      label: Label;
      slug: string;
      props: Record<string, unknown>;
      relationships: { type: string; out: boolean; slug: string; props: Record<string, unknown> }[];
    }[],
  ): Knowledge {
    const knowledge = new Knowledge();
    for (const entity of entities) {
      const names = [entity.props.name, entity.props.title, ...((entity.props.aliases as string[] | undefined) ?? [])].filter(
        (name): name is string => typeof name === "string",
      );
      knowledge.entities.push({ label: entity.label, slug: entity.slug, names: [...new Set(names)], props: entity.props });
      for (const r of entity.relationships)
        if (r.out) knowledge.relationships.add(relationshipKey(r.type, entity.slug, r.slug, r.props.season));
    }
    return knowledge;
  }

  /** The entity of that label whose name or alias this is, accents and case aside. */
  find(label: Label, name: string): KnownEntity | undefined {
    const key = normalizePlaceName(name);
    return this.entities.find((e) => e.label === label && e.names.some((n) => normalizePlaceName(n) === key));
  }

  /**
   * The known entity a name is a slightly other spelling of ("Extra Cités", "Extracité" for
   * Extracités): the same letters once spaces, hyphens and accents are set aside, or one letter off
   * (two past 12 letters), and no other known name as close. Undefined when none or several are.
   */
  closeTo(label: Label, name: string): { entity: KnownEntity; knownAs: string } | undefined {
    const squeeze = (text: string) => normalizePlaceName(text).replace(/ /g, "");
    const key = squeeze(name);
    if (key.length < 5) return undefined;
    const limit = key.length > 12 ? 2 : 1;
    const close = this.entities
      .filter((e) => e.label === label)
      .flatMap((entity) => entity.names.map((knownAs) => ({ entity, knownAs, d: distance(key, squeeze(knownAs)) })))
      .filter((c) => c.d <= limit)
      .sort((a, b) => a.d - b.d);
    const best = close[0];
    if (!best || close.some((c) => c.entity !== best.entity && c.d === best.d)) return undefined;
    return { entity: best.entity, knownAs: best.knownAs };
  }

  bySlug(label: Label, slug: string): KnownEntity | undefined {
    return this.entities.find((e) => e.label === label && e.slug === slug);
  }

  /** Every known name of that label found in a sentence, longest first (so "ExtraCité" does not hide "Extracités"). */
  mentions(label: Label, sentence: string): KnownEntity[] {
    const text = ` ${normalizePlaceName(sentence)} `;
    const found: KnownEntity[] = [];
    for (const entity of this.entities) {
      if (entity.label !== label) continue;
      if (entity.names.some((name) => text.includes(` ${normalizePlaceName(name)} `))) found.push(entity);
    }
    return found;
  }

  /** The Source of a fiche's file: by its file in seeds/sources, or, for one that came in through the page (its text in the graph), by its slug. */
  sourceForFile(file: string): KnownEntity | undefined {
    const name = path.basename(file);
    const slug = slugify(name.replace(/\.[^.]+$/, ""));
    return (
      this.entities.find((e) => e.label === "Source" && e.props.file === name) ??
      this.entities.find((e) => e.label === "Source" && e.slug === slug && e.props.text !== undefined)
    );
  }
}

/** The same key whether an end is written "vimy" or "Territory/vimy". */
export function relationshipKey(type: string, from: string, to: string, season: unknown): string {
  const slug = (reference: string) => reference.replace(/^[A-Za-z]+\//, "");
  return [type, slug(from), slug(to), season ?? ""].join("|");
}
