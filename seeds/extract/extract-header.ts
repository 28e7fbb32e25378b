import { normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import type { Block } from "./fiche-text.ts";
import { parseWholeNumber, titleCase } from "./fiche-text.ts";
import type { ExtractContext } from "./extract-context.ts";

const territoryHeading =
  /^(?:LA |LE |L['’])\s*(COMMUNE|VILLE|COMMUNAUT[ÉE] DE COMMUNES|COMMUNAUT[ÉE] D['’]AGGLOM[ÉE]RATION|COMMUNAUT[ÉE] URBAINE|M[ÉE]TROPOLE|AGGLOM[ÉE]RATION|D[ÉE]PARTEMENT|R[ÉE]GION)\s+(?:DE LA |DE L['’]|DES |DU |DE |D['’])?(.+)$/i;

const kindOfHeading = (word: string): "commune" | "intercommunalité" | "département" | "région" => {
  const key = normalizePlaceName(word);
  if (key === "commune" || key === "ville") return "commune";
  if (key === "departement") return "département";
  if (key === "region") return "région";
  return "intercommunalité";
};

/**
 * The fiche's header: the cohort ("La cohorte Territoires pilotes…", "Saison 2", "2023-2024"),
 * the territory ("LA COMMUNE DE VIMY", "LA COMMUNAUTÉ DE COMMUNES DU …"), its département and
 * région ("Pas-de-Calais, Région Hauts-de-France"), population ("4 261 habitants") and area
 * ("11,3 km²", "11.3 km2").
 */
export function extractHeader(blocks: Block[], context: ExtractContext): void {
  const { draft } = context;
  let heading: { kind: ReturnType<typeof kindOfHeading>; name: string; quote: string } | undefined;
  let places: { departement?: string; region?: string; quote: string } | undefined;
  const cohortQuotes: string[] = [];
  for (const block of blocks) {
    const text = block.text;
    const programme = context.layout.programme.exec(text);
    if (programme) {
      context.programme = programme[1]!.trim();
      cohortQuotes.push(text);
      draft.placed.add(text);
    }
    const season = /\bSaison (\d+)\b/i.exec(text);
    const years = /\b(\d{4})\s*[-–]\s*(\d{4})\b/.exec(text);
    if (season && text.length < 40) {
      context.season = Number(season[1]);
      cohortQuotes.push(text);
    }
    if (years && text.length < 40) {
      context.years = [Number(years[1]), Number(years[2])];
      if (!cohortQuotes.includes(text)) cohortQuotes.push(text);
    }
    const territory = territoryHeading.exec(text);
    if (territory && text === text.toLocaleUpperCase("fr"))
      heading = { kind: kindOfHeading(territory[1]!), name: territory[2]!.trim(), quote: text };
    const placeLine = /^(.+?),\s*R[ée]gion\s+(.+)$/.exec(text);
    if (placeLine && text.length < 80) places = { departement: placeLine[1]!.trim(), region: placeLine[2]!.trim(), quote: text };
    else if (/^R[ée]gion\s+(.+)$/.test(text) && text.length < 60) places = { region: text.replace(/^R[ée]gion\s+/, ""), quote: text };
    const population = /^([\d\s.]+)\s*habitants$/i.exec(text);
    if (population && heading) {
      const value = parseWholeNumber(population[1]!);
      const entity = context.territory ?? placeTerritory(context, heading, places);
      if (entity && value !== undefined) context.set(entity, "population", value, text);
    }
    // "11,3 km²", "11.3 km2", "2 968 km²" (a space between thousands), "212,4 km²".
    const area = /^(\d{1,3}(?:[\s.]\d{3})*(?:,\d+)?|\d+(?:[.,]\d+)?)\s*km(?:²|2)$/i.exec(text);
    if (area && heading) {
      const entity = context.territory ?? placeTerritory(context, heading, places);
      const digits = area[1]!.replace(/\s/g, "");
      const value = Number(/,/.test(digits) ? digits.replace(/\./g, "").replace(",", ".") : digits);
      if (entity && Number.isFinite(value)) context.set(entity, "areaKm2", value, text);
    }
  }
  if (heading && !context.territory) placeTerritory(context, heading, places);
  if (context.season !== undefined) {
    const quote = cohortQuotes.find((q) => /Saison/i.test(q)) ?? cohortQuotes[0]!;
    const cohort = context.cohort(context.season, context.years, quote);
    for (const q of cohortQuotes) draft.quote(cohort, q);
    if (context.territory)
      draft.relate({ type: "MEMBER_OF", from: context.territory.slug, to: cohort.slug, props: {}, quote: context.territory.quotes[0] });
  }
}

/** The fiche's territory, placed by the official geography (its département tells homonyms apart). */
function placeTerritory(
  context: ExtractContext,
  heading: { kind: ReturnType<typeof kindOfHeading>; name: string; quote: string },
  places: { departement?: string; region?: string; quote: string } | undefined,
) {
  const { gazetteer, draft } = context;
  const name = titleCase(heading.name);
  if (places?.departement) context.departement = gazetteer.areaCode("département", places.departement);
  if (heading.kind === "département") context.departement = gazetteer.areaCode("département", name); // its communes are looked up in it
  let entity;
  if (heading.kind === "commune") entity = context.commune(name, heading.quote);
  else if (heading.kind === "intercommunalité")
    entity = context.intercommunalite(heading.quote.replace(/^(LA |LE |L['’])/i, ""), heading.quote);
  else entity = area(context, heading.kind, name, heading.quote);
  // A territory the COG does not know (renamed, newly created, spelt otherwise) is drafted all the
  // same, flagged, so that what the fiche says of it and what is attached to it are kept.
  const unknown = !entity;
  entity ??= unknownTerritory(context, heading);
  context.territory = entity;
  if (entity.known) draft.quote(entity, heading.quote);
  else if (!unknown) entity.notes.push(`the fiche names it "${heading.quote}"`);
  if (places) {
    const departement = places.departement ? area(context, "département", places.departement, places.quote) : undefined;
    const region = places.region ? area(context, "région", places.region, places.quote) : undefined;
    // Nesting is the COG's to say (the fiche's, for a territory the COG does not know): stated only
    // for territories the seeds do not know yet.
    const nesting = unknown ? { quote: places.quote } : { source: "cog" };
    if (departement && !entity.known && heading.kind !== "département")
      draft.relate({ type: "PART_OF", from: entity.slug, to: departement.slug, props: {}, ...nesting });
    if (!departement && region && !entity.known && heading.kind !== "région")
      draft.relate({ type: "PART_OF", from: entity.slug, to: region.slug, props: {}, ...nesting });
    if (departement && region && !departement.known)
      draft.relate({ type: "PART_OF", from: departement.slug, to: region.slug, props: {}, source: "cog" });
    draft.placed.add(places.quote);
  }
  return entity;
}

const cogPrefixes: [RegExp, string][] = [
  [/^COMMUNAUT[ÉE] DE COMMUNES$/i, "CC"],
  [/^COMMUNAUT[ÉE] D['’]AGGLOM[ÉE]RATION$|^AGGLOM[ÉE]RATION$/i, "CA"],
  [/^COMMUNAUT[ÉE] URBAINE$/i, "CU"],
  [/^M[ÉE]TROPOLE$/i, "Métropole"],
];

/**
 * The fiche's territory when the COG has no such name: its name written as the COG writes its
 * kind ("CC des Trois Vallées du Lys"), its kind, and a note for the reviewer with the closest
 * names the COG has. Without its code, `npm run seed -- --check` says what is left to fix.
 */
function unknownTerritory(context: ExtractContext, heading: { kind: ReturnType<typeof kindOfHeading>; name: string; quote: string }) {
  const { draft, gazetteer } = context;
  const parts = territoryHeading.exec(heading.quote);
  const article =
    /^(?:LA |LE |L['’])?\s*(?:COMMUNE|VILLE|COMMUNAUT[ÉE] DE COMMUNES|COMMUNAUT[ÉE] D['’]AGGLOM[ÉE]RATION|COMMUNAUT[ÉE] URBAINE|M[ÉE]TROPOLE|AGGLOM[ÉE]RATION|D[ÉE]PARTEMENT|R[ÉE]GION)\s+(DE LA |DE L['’]|DES |DU |DE |D['’])?/i
      .exec(heading.quote)?.[1]
      ?.toLocaleLowerCase("fr");
  const prefix = parts ? cogPrefixes.find(([pattern]) => pattern.test(parts[1]!.trim()))?.[1] : undefined;
  const name =
    heading.kind === "intercommunalité" && prefix ? `${prefix} ${article ?? ""}${titleCase(heading.name)}` : titleCase(heading.name);
  const entity = draft.entity("Territory", slugify(name), false);
  draft.set(entity, "name", name, heading.quote);
  draft.set(entity, "kind", heading.kind, heading.quote);
  const closest =
    heading.kind === "intercommunalité"
      ? gazetteer.closestEpcis(name, 3, context.departement).map((e) => `${e.name} (SIREN ${e.siren})`)
      : heading.kind === "commune"
        ? gazetteer.closestCommunes(name).map((c) => `${c.label}, INSEE ${c.inseeCode}`)
        : [];
  entity.notes.push(
    `not in the COG 2026: check the name, or add its ${heading.kind === "intercommunalité" ? "SIREN" : "INSEE"} code` +
      (closest.length ? ` (closest in the COG: ${closest.join("; ")})` : ""),
  );
  draft.unplaced.push(`${heading.quote} — not in the COG 2026: drafted as "${name}", to check`);
  return entity;
}

/** A département or a région by name: the known one, or a new one with its code from the COG. */
function area(context: ExtractContext, kind: "département" | "région", name: string, quote: string) {
  const code = context.gazetteer.areaCode(kind, name);
  const known = context.knowledge.entities.find(
    (e) =>
      e.label === "Territory" &&
      e.props.kind === kind &&
      (e.props.inseeCode === code || e.names.some((n) => normalizePlaceName(n) === normalizePlaceName(name))),
  );
  const entity = context.draft.entity("Territory", known?.slug ?? slugify(name), Boolean(known));
  if (known) {
    context.draft.quote(entity, quote);
    return entity;
  }
  if (!code) {
    context.draft.unplaced.push(`${quote} — "${name}" is no ${kind} of the COG`);
    return undefined;
  }
  entity.source = "cog";
  context.draft.set(entity, "name", kind === "département" ? context.gazetteer.departementName(code) : context.gazetteer.regionName(code));
  context.draft.set(entity, "kind", kind);
  context.draft.set(entity, "inseeCode", code);
  return entity;
}
