import type { Gazetteer, ResolvedCommune } from "../../core/gazetteer/gazetteer.ts";
import { normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import { gazetteerSources } from "../check-territories.ts";
import type { Label } from "../../core/model/index.ts";
import { Draft, type DraftEntity } from "./draft.ts";
import type { Knowledge } from "./knowledge.ts";
import { layouts, type FicheLayout } from "./layouts.ts";

/** What the extraction steps share: the draft, what is known, and what the fiche said so far. */
export class ExtractContext {
  readonly draft = new Draft();
  territory: DraftEntity | undefined; // the fiche's territory
  departement: string | undefined; // its département code, to tell homonyms apart
  programme = "Territoires pilotes";
  season: number | undefined; // the fiche's season
  years: [number, number] | undefined;
  pilot: DraftEntity | undefined; // the pilot project being described
  lastAlly: DraftEntity | undefined; // "elle est située à Lille" speaks of it

  constructor(
    readonly knowledge: Knowledge,
    readonly gazetteer: Gazetteer,
    readonly layout: FicheLayout = layouts[0]!,
  ) {
    this.draft.known = knowledge.relationships;
  }

  /**
   * An entity by name: the known one (its slug and spelling), else a new one. An ally spelt a little
   * otherwise than a known one is taken as that one, quoted with the sentence and said so to the
   * reviewer: a fiche's "Extra Cités" is the graph's Extracités, not a second ally.
   */
  entityNamed(label: Label, name: string, slug = slugify(name), quote?: string): DraftEntity {
    const known = this.knowledge.find(label, name) ?? this.knowledge.bySlug(label, slug);
    const close = !known && label === "Ally" ? this.knowledge.closeTo(label, name) : undefined;
    const entity = this.draft.entity(label, (known ?? close?.entity)?.slug ?? slug, Boolean(known ?? close));
    if (close) {
      const note = `the fiche writes "${name}": taken as the known ${close.knownAs} (${close.entity.slug}); check it, and add "${name}" to its aliases if right`;
      if (!entity.notes.includes(note)) entity.notes.push(note);
      this.draft.quote(entity, quote);
    }
    if (!known && !close) this.draft.set(entity, label === "Initiative" || label === "Source" ? "title" : "name", name);
    return entity;
  }

  /** A property for the draft, unless seeds/data already says it (the draft then only quotes). */
  set(entity: DraftEntity, property: string, value: unknown, quote?: string): void {
    const known = this.knowledge.bySlug(entity.label, entity.slug);
    if (known && property in known.props) {
      this.draft.quote(entity, quote);
      return;
    }
    this.draft.set(entity, property, value, quote);
  }

  /** Allies a sentence names: known ones, and those the draft already met (longest names first). */
  allyMentions(sentence: string): { slug: string }[] {
    const found = new Map<string, { slug: string }>();
    for (const known of this.knowledge.mentions("Ally", sentence)) found.set(known.slug, known);
    const text = ` ${normalizePlaceName(sentence)} `;
    for (const entity of this.draft.entities.values()) {
      if (entity.label !== "Ally" || typeof entity.props.name !== "string") continue;
      if (text.includes(` ${normalizePlaceName(entity.props.name)} `)) found.set(entity.slug, entity);
    }
    return [...found.values()];
  }

  cohortSlug(season: number): string {
    return `${slugify(this.programme)}-saison-${season}`;
  }

  /** The cohort of a season, defined once with the sentence that names it. */
  cohort(season: number, years: [number, number] | undefined, quote: string): DraftEntity {
    const cohort = this.draft.entity("Cohort", this.cohortSlug(season), Boolean(this.knowledge.bySlug("Cohort", this.cohortSlug(season))));
    this.set(cohort, "name", `${this.programme}, saison ${season}`, quote);
    this.set(cohort, "programme", this.programme);
    this.set(cohort, "season", season);
    if (years) {
      this.set(cohort, "startYear", years[0]);
      this.set(cohort, "endYear", years[1]);
    }
    return cohort;
  }

  /**
   * A commune named in the text, placed by the gazetteer (with the fiche's département when the
   * name is shared): a known territory's slug, or a new territory whose code comes from the COG.
   */
  commune(name: string, quote: string): DraftEntity | undefined {
    let commune: ResolvedCommune | undefined;
    for (const query of this.departement ? [`${name} (${this.departement})`, name] : [name]) {
      try {
        commune = this.gazetteer.resolve(query);
        break;
      } catch {
        // try without the département, then give up
      }
    }
    if (!commune) return undefined;
    const known = this.knowledge.entities.find((e) => e.label === "Territory" && e.props.inseeCode === commune!.code);
    const entity = this.draft.entity("Territory", known?.slug ?? slugify(commune.name), Boolean(known));
    if (!known) {
      entity.source = gazetteerSources.names;
      this.draft.set(entity, "name", commune.name);
      this.draft.set(entity, "kind", "commune");
      this.draft.set(entity, "inseeCode", commune.code);
    }
    // A new commune's facts come from the COG; the fiche's sentence goes with the relationship.
    if (known) this.draft.quote(entity, quote);
    else this.draft.placed.add(quote);
    return entity;
  }

  /** An intercommunalité named in the text ("Agglomération du Beauvaisis"), by the COG. */
  intercommunalite(name: string, quote: string): DraftEntity | undefined {
    const [epci] = this.gazetteer.findEpci(name);
    if (!epci) return undefined;
    const known = this.knowledge.entities.find((e) => e.label === "Territory" && e.props.siren === epci.siren);
    const entity = this.draft.entity("Territory", known?.slug ?? slugify(epci.name), Boolean(known));
    if (!known) {
      entity.source = gazetteerSources.names;
      this.draft.set(entity, "name", epci.name);
      this.draft.set(entity, "kind", "intercommunalité");
      this.draft.set(entity, "siren", epci.siren);
      if (name !== epci.name) entity.notes.push(`the fiche calls it "${name}": add it to aliases, with its quote, if you wish`);
    }
    if (known) this.draft.quote(entity, quote);
    else this.draft.placed.add(quote);
    return entity;
  }
}
