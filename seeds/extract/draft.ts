import type { Label } from "../../core/model/index.ts";
import { relationshipKey } from "./knowledge.ts";

export interface DraftEntity {
  label: Label;
  slug: string;
  props: Record<string, unknown>;
  quotes: string[];
  source?: string; // when not the fiche itself (e.g. the COG for a commune's code)
  known: boolean; // already in seeds/data: only what is new is written
  notes: string[]; // for the reviewer, written as comments
}

export interface DraftRelationship {
  type: string;
  from: string; // slug, or "Label/slug"
  to: string;
  props: Record<string, unknown>;
  quote?: string;
  source?: string;
}

/** What the extractor found, fact by fact, with the sentences that say so; and what it could not place. */
export class Draft {
  /** Keys of relationships the seeds already state (set by the extraction): not stated twice. */
  known = new Set<string>();
  readonly entities = new Map<string, DraftEntity>();
  readonly relationships: DraftRelationship[] = [];
  readonly unplaced: string[] = [];
  readonly placed = new Set<string>(); // sentences some fact was drawn from

  entity(label: Label, slug: string, known: boolean): DraftEntity {
    const key = `${label}/${slug}`;
    let entity = this.entities.get(key);
    if (!entity) this.entities.set(key, (entity = { label, slug, props: {}, quotes: [], known, notes: [] }));
    return entity;
  }

  /** A property with the sentence that states it; a value already set is kept (the first statement wins). */
  set(entity: DraftEntity, property: string, value: unknown, quote?: string): void {
    if (value === undefined || value === null || value === "") return;
    if (!(property in entity.props)) entity.props[property] = value;
    this.quote(entity, quote);
  }

  quote(entity: DraftEntity, quote: string | undefined): void {
    if (quote && !entity.quotes.includes(quote)) entity.quotes.push(quote);
    if (quote) this.placed.add(quote);
  }

  relate(relationship: DraftRelationship): void {
    if (this.known.has(relationshipKey(relationship.type, relationship.from, relationship.to, relationship.props.season))) {
      if (relationship.quote) this.placed.add(relationship.quote);
      return;
    }
    const same = this.relationships.find(
      (r) =>
        r.type === relationship.type &&
        r.from === relationship.from &&
        r.to === relationship.to &&
        r.props.season === relationship.props.season,
    );
    if (same) return;
    this.relationships.push(relationship);
    if (relationship.quote) this.placed.add(relationship.quote);
  }

  get(label: Label, slug: string): DraftEntity | undefined {
    return this.entities.get(`${label}/${slug}`);
  }
}
