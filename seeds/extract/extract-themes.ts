import type { ExtractContext } from "./extract-context.ts";

/** Words that put an initiative under a theme of the alliance's vocabulary (design notes). */
const vocabulary: { slug: string; name: string; pattern: RegExp }[] = [
  { slug: "alimentation", name: "Alimentation", pattern: /alimentaire|alimentation|cantine|restauration scolaire/i },
  { slug: "cooperation", name: "Coopération", pattern: /(?<!en )coopération/i }, // "créé en coopération avec" is a manner, not a theme
  { slug: "mise-en-recit", name: "Mise en récit", pattern: /mettre en récits?|mise en récits?/i },
  { slug: "communication", name: "Communication", pattern: /communication/i },
  { slug: "evaluation", name: "Évaluation", pattern: /évaluation|évaluer/i },
  { slug: "culture", name: "Culture", pattern: /culturel|culture\b|spectacle/i },
  { slug: "agriculture", name: "Agriculture", pattern: /agricult|agricole/i },
  { slug: "transition-ecologique", name: "Transition écologique", pattern: /transition écologique/i },
];

/** Themes from the words of each initiative's own sentences; the clause that says it is the quote. */
export function extractThemes(context: ExtractContext): void {
  const { draft } = context;
  for (const initiative of [...draft.entities.values()].filter((e) => e.label === "Initiative")) {
    for (const theme of vocabulary) {
      const clause = initiative.quotes.flatMap((quote) => quote.split(/[,;:]\s*/)).find((c) => theme.pattern.test(c));
      if (!clause) continue;
      const entity = context.entityNamed("Theme", theme.name, theme.slug);
      draft.quote(entity, clause.replace(/[.]$/, ""));
      draft.relate({ type: "ABOUT", from: initiative.slug, to: entity.slug, props: {}, quote: clause.replace(/[.]$/, "") });
    }
  }
}
