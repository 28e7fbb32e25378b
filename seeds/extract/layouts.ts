import type { SectionName } from "./fiche-text.ts";

/**
 * A layout of fiche: how to tell it (its first lines), its headings and the section each opens,
 * where the programme's name is read, and the title its source gets. The extractor tries the
 * layouts in order and takes the first that recognises the fiche; the first is the default.
 * To add one: a value here, a fiche in tests/fiches/ with its labels, and `npm run extract:score`.
 */
export interface FicheLayout {
  name: string;
  recognises: RegExp; // tested on the fiche's text
  headings: [SectionName, RegExp][]; // a block that is one of these opens that section
  programme: RegExp; // a header block naming the programme: its first group
  title(facts: { programme: string; season?: number; years?: [number, number]; territory?: string }): string;
}

const seasonAndPlace = (facts: { season?: number; years?: [number, number]; territory?: string }) =>
  `Saison ${facts.season ?? "?"}${facts.years ? `, ${facts.years[0]}-${facts.years[1]}` : ""}${facts.territory ? ` — ${facts.territory}` : ""}`;

/** The series of the Vimy fiche: "La cohorte Territoires pilotes : les projets des territoires". */
export const territoiresPilotes: FicheLayout = {
  name: "territoires-pilotes",
  recognises: /La cohorte .+ : les projets des territoires/,
  headings: [
    ["pilot", /^LE PROJET PILOTE$/i],
    ["steps", /^LES [ÉE]TAPES$/i],
    ["others", /^D['’]AUTRES PROJETS R[ÉE]USSIS$/i],
  ],
  programme: /^La cohorte (.+?) : les projets des territoires$/,
  title: (facts) => `La cohorte ${facts.programme} : les projets des territoires — ${seasonAndPlace(facts)}`,
};

/** A shorter sheet per territory: "Territoires pilotes — fiche territoire", NOTRE PROJET, CE QUI A ÉTÉ FAIT, ET AILLEURS. */
export const ficheTerritoire: FicheLayout = {
  name: "fiche-territoire",
  recognises: /^.+ — fiche territoire$/m,
  headings: [
    ["pilot", /^NOTRE PROJET$/i],
    ["steps", /^CE QUI A [ÉE]T[ÉE] FAIT$/i],
    ["others", /^ET AILLEURS$/i],
  ],
  programme: /^(.+?) — fiche territoire$/,
  title: (facts) => `${facts.programme} — fiche territoire — ${seasonAndPlace(facts)}`,
};

export const layouts: readonly FicheLayout[] = [territoiresPilotes, ficheTerritoire];

/** The first layout that recognises the text; the first layout when none does. */
export function layoutOf(text: string): FicheLayout {
  return layouts.find((layout) => layout.recognises.test(text)) ?? layouts[0]!;
}
