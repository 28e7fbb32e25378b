import { normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import type { DraftEntity } from "./draft.ts";
import type { ExtractContext } from "./extract-context.ts";
import { contributionRole, personName, roleWords } from "./extract-people.ts";
import { capitalize, sentences, unbreakName, type Block } from "./fiche-text.ts";

/**
 * D'AUTRES PROJETS RÉUSSIS: one initiative per bullet — its title (in italics, or the noun it
 * starts with), the initiative page it cites, the territories it was made with, the people named
 * with their roles, and an initiative it started from ("Agglomération du Beauvaisis : la boussole…").
 */
export function extractOtherProjects(blocks: Block[], context: ExtractContext): void {
  const { draft } = context;
  for (let block of blocks) {
    if (!/^[-•]\s/.test(block.raw)) {
      // The section's introduction says nothing of any one initiative.
      draft.unplaced.push(...sentences(block));
      continue;
    }
    const raw = block.raw.replace(/^[-•]\s*/, "");
    const text = block.text.replace(/^[-•]\s*/, "");
    block = { ...block, raw, text }; // the bullet's dash is no part of any quote
    const italicTitle = /^\*([^*]+)\*\s*:/.exec(raw)?.[1];
    const nounTitle = /^(?:La mise en (?:oeuvre|œuvre) (?:de la |du |de l['’]|de )|Le |La |L['’]|Les )?(.+?)(?:, | pour )/.exec(text)?.[1];
    const title = capitalize((italicTitle ?? nounTitle ?? text.slice(0, 60)).trim());
    const initiative = context.entityNamed("Initiative", title, slugify(title).split("-").slice(0, 6).join("-"));
    const whole = sentences(block)[0]!;
    context.set(initiative, "kind", /spectacle/i.test(text) ? "show" : /^La charte|^charte/i.test(text) ? "charter" : "initiative", whole);
    context.set(initiative, "summary", summaryOf(text));
    if (context.territory) draft.relate({ type: "LOCATED_IN", from: initiative.slug, to: context.territory.slug, props: {}, quote: whole });
    for (const s of sentences(block)) draft.placed.add(s);

    const page = /Voir l['’]initiative \*([^*]+)\*/i.exec(raw)?.[1]?.trim();
    if (page) placePage(context, initiative, page, text);

    // "créé en coopération avec la commune de Loos-en-Gohelle", "en lien avec la commune d'Arques", "lancé avec la commune de Montville".
    const together =
      /(?:en coopération|en lien|en partenariat|lanc[ée]e?|men[ée]e?|con[çc]ue?|mise? en place|r[ée]alis[ée]e?|d[ée]velopp[ée]e?|cr[ée]{2}e?) avec la commune (?:de |d['’])([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(
        text,
      );
    if (together) {
      const partner = context.commune(together[1]!, together[0]);
      if (partner)
        draft.relate({
          type: "CONTRIBUTED_TO",
          from: partner.slug,
          to: initiative.slug,
          props: { role: "créé en coopération" },
          quote: together[0],
        });
      else draft.unplaced.push(`${together[0]} — no such commune`);
    }
    // "coordonné par Lucie Ferrand", "animé par Pierre-⏎Yves Lacombe", "coordonnée par Aurélie Bas-⏎tide, chargée de mission…".
    const people = new RegExp(
      `(mis(?:e)? en scène|anim[ée]e?|port[ée]e?|réalis[ée]e?|coordonn[ée]e?|pilot[ée]e?|suivie?) par (${personName})(?:, ((?:l['’]|le |la )?${roleWords}[^,.;]*))?`,
      "gu",
    );
    for (const match of text.matchAll(people)) {
      const person = context.entityNamed("Person", unbreakName(match[2]!, block));
      draft.quote(person, match[0]);
      if (match[3]) context.set(person, "role", match[3].trim(), match[0]);
      draft.relate({
        type: "CONTRIBUTED_TO",
        from: `Person/${person.slug}`,
        to: initiative.slug,
        props: { role: contributionRole(match[1]!) },
        quote: match[0],
      });
    }
  }
}

/** "Ville de Vimy - Vertiges de Labour : …" is this initiative's page; "Agglomération du Beauvaisis : la boussole…" another's. */
function placePage(context: ExtractContext, initiative: DraftEntity, page: string, text: string): void {
  const { draft } = context;
  const [where, what] = page.split(/\s+:\s+/, 2);
  const ours =
    !what ||
    (context.territory &&
      normalizePlaceName(where!).includes(
        normalizePlaceName(String(context.territory.props.name ?? context.territory.slug.replace(/-/g, " "))),
      ));
  if (ours || !what) {
    context.set(initiative, "pageTitle", page, page);
    return;
  }
  const territory = context.intercommunalite(where!, page) ?? context.commune(where!.replace(/^(Ville|Commune) d[eu']\s*/i, ""), page);
  const source = context.entityNamed("Initiative", capitalize(what), slugify(what).split("-").slice(0, 6).join("-"));
  context.set(source, "kind", "initiative", page);
  context.set(source, "pageTitle", page, page);
  if (territory) draft.relate({ type: "LOCATED_IN", from: source.slug, to: territory.slug, props: {}, quote: page });
  else draft.unplaced.push(`${page} — "${where}" is no territory the gazetteer knows`);
  const from = /à partir (?:de la |du |de l['’]|des |de )[^.,;]+/.exec(text)?.[0];
  draft.relate({ type: "INSPIRED_BY", from: initiative.slug, to: source.slug, props: {}, ...(from ? { quote: from } : {}) });
}

/** The bullet without its "Pour en savoir plus, voir l'initiative…" tail. */
function summaryOf(text: string): string {
  return text.replace(/\s*(?:Pour en savoir plus, v|V)oir l['’]initiative .*$/s, "").trim();
}
