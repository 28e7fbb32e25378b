import { normalizePlaceName } from "../../core/text/normalize.ts";
import type { ExtractContext } from "./extract-context.ts";

/**
 * The alliance's themes (design notes: alimentation, coopération, mise en récit, communication,
 * culture, agriculture, …) and the words that put an initiative under one. A theme the graph
 * already knows is matched by its own name and aliases as well (knowledge.ts), so that a fiche
 * files its pilot under the themes people already browse by, not under new ones.
 */
export const themeVocabulary: { slug: string; name: string; pattern: RegExp }[] = [
  {
    slug: "alimentation",
    name: "Alimentation",
    pattern: /alimentaire|alimentation|cantines?\b|restauration (?:scolaire|collective)|nourricier|repas\b|approvisionnement|cuisin/i,
  },
  { slug: "agriculture", name: "Agriculture", pattern: /agricult|agricole|\bfermes?\b|maraîch|paysan|vignes?\b|viticult/i },
  { slug: "cooperation", name: "Coopération", pattern: /(?<!en )coopération/i }, // "créé en coopération avec" is a manner, not a theme
  { slug: "mise-en-recit", name: "Mise en récit", pattern: /mettre en récits?|mise en récits?/i },
  { slug: "communication", name: "Communication", pattern: /communication/i },
  { slug: "evaluation", name: "Évaluation", pattern: /évaluation|évaluer/i },
  { slug: "culture", name: "Culture", pattern: /culturel|culture\b|spectacle/i },
  { slug: "transition-ecologique", name: "Transition écologique", pattern: /transition écologique/i },
  { slug: "energie", name: "Énergie", pattern: /énergi|énergét|solaire|photovolta|éolien|chaleur renouvelable/i },
  {
    slug: "batiment",
    name: "Bâtiment",
    // "le bâtiment périscolaire" is a place, not the theme
    pattern:
      /rénovation|\bbâti\b|bâtiments? (?:publics?|communaux|municipaux)|(?:secteur|matériaux|filière) du bâtiment|logements?\b|habitat\b/i,
  },
  { slug: "mobilite", name: "Mobilité", pattern: /mobilités?|vélos?\b|covoiturage|transports?\b|déplacements?|sans voiture/i },
  { slug: "eau", name: "Eau", pattern: /\beau\b|rivières?|assainissement|zones? humides?/i },
  { slug: "biodiversite", name: "Biodiversité", pattern: /biodiversit|végétalis|\bhaies\b|trame verte|renaturation/i },
  {
    slug: "economie-locale",
    name: "Économie locale",
    pattern:
      /monnaie locale|économie (?:locale|du village|du territoire)|commerçants?|commerces? de proximité|zones? d['’]activités|filière|(?<!ré)emplois?\b/i,
  },
  { slug: "economie-circulaire", name: "Économie circulaire", pattern: /réemploi|recycl|déchets|économie circulaire/i },
  {
    slug: "participation-citoyenne",
    name: "Participation citoyenne",
    pattern: /participation (?:citoyenne|des (?:habitants|jeunes|citoyens))|démocratie|concertation|budget participatif/i,
  },
  { slug: "jeunesse", name: "Jeunesse", pattern: /\bjeunes\b|jeunesse/i },
  {
    slug: "adaptation-au-climat",
    name: "Adaptation au changement climatique",
    pattern: /canicule|changement climatique|îlots? de chaleur|\badaptation\b/i,
  },
];

/**
 * Themes from the words of each initiative's own sentences; the clause that says it is the quote.
 * A pilot whose sentences fit no theme is said so to the reviewer: none is made up for it.
 */
export function extractThemes(context: ExtractContext): void {
  const { draft } = context;
  const known = context.knowledge.entities.filter((e) => e.label === "Theme");
  const themes = [
    ...known.map((theme) => ({
      slug: theme.slug,
      name: theme.names[0] ?? theme.slug,
      test: (clause: string) => theme.names.some((name) => ` ${normalizePlaceName(clause)} `.includes(` ${normalizePlaceName(name)} `)),
    })),
    ...themeVocabulary.map((theme) => ({ slug: theme.slug, name: theme.name, test: (clause: string) => theme.pattern.test(clause) })),
  ];
  for (const initiative of [...draft.entities.values()].filter((e) => e.label === "Initiative")) {
    const clauses = initiative.quotes.flatMap((quote) => quote.split(/[,;:]\s*/));
    const found = new Set<string>();
    for (const theme of themes) {
      if (found.has(theme.slug)) continue; // a known theme and the vocabulary's may be one
      const clause = clauses.find((c) => theme.test(c))?.replace(/[.]$/, "");
      if (!clause) continue;
      found.add(theme.slug);
      const entity = context.entityNamed("Theme", theme.name, theme.slug);
      draft.quote(entity, clause);
      draft.relate({ type: "ABOUT", from: initiative.slug, to: entity.slug, props: {}, quote: clause });
    }
    if (found.size === 0 && initiative.props.kind === "pilot-project")
      initiative.notes.push("no theme of the alliance's vocabulary fits its sentences: give it one in review");
  }
}
