import path from "node:path";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import { ficheSourcePlaceholder, extractAbout } from "./extract-about.ts";
import { ExtractContext } from "./extract-context.ts";
import { extractHeader } from "./extract-header.ts";
import { extractOtherProjects } from "./extract-others.ts";
import { extractPilot } from "./extract-pilot.ts";
import { extractThemes } from "./extract-themes.ts";
import type { Draft } from "./draft.ts";
import { readFiche, titleCase } from "./fiche-text.ts";
import type { Knowledge } from "./knowledge.ts";
import { draftToYaml } from "./draft-to-yaml.ts";
import { layoutOf } from "./layouts.ts";

export interface Extraction {
  layout: string; // the name of the layout the fiche was read with (layouts.ts)
  draft: Draft;
  source: string; // slug of the fiche's source
  yaml: string; // the draft seed file, for a person to review
  unplaced: string[]; // sentences no fact was drawn from
}

/**
 * A fiche's text to a draft seed file. Deterministic and offline: patterns of the fiches' French,
 * the seeds' referentials for known allies and places, the gazetteer for the rest. Every fact
 * carries the sentence it was drawn from; nothing is added that the text does not say.
 */
export function extractFiche(text: string, fileName: string, knowledge: Knowledge, gazetteer: Gazetteer): Extraction {
  const layout = layoutOf(text);
  const { sections } = readFiche(text, layout);
  const context = new ExtractContext(knowledge, gazetteer, layout);
  // The fiches are the Fabrique's: it is named throughout, and its own block comes last.
  if (/Fabrique des transitions/.test(text)) context.entityNamed("Ally", "La Fabrique des transitions");
  extractHeader(sections.get("header") ?? [], context);
  extractPilot([...(sections.get("pilot") ?? []), ...(sections.get("steps") ?? [])], context);
  extractOtherProjects(sections.get("others") ?? [], context);
  const { printer } = extractAbout([...(sections.get("about") ?? []), ...(sections.get("credits") ?? [])], context);
  extractThemes(context);

  const { draft } = context;
  const base = path.basename(fileName).replace(/\.[^.]+$/, "");
  const known = knowledge.sourceForFile(`${base}.txt`);
  const source = known?.slug ?? slugify(base);
  if (!known) {
    const entity = draft.entity("Source", source, false);
    const territoryName = context.territory
      ? String(context.territory.props.name ?? titleCase(context.territory.slug.replace(/-/g, " ")))
      : undefined;
    draft.set(
      entity,
      "title",
      layout.title({ programme: context.programme, season: context.season, years: context.years, territory: territoryName }),
    );
    draft.set(entity, "publisher", "La Fabrique des transitions");
    draft.set(entity, "kind", "fiche");
    draft.set(entity, "file", `${base}.txt`);
    draft.set(entity, "printer", printer);
    entity.notes.push("title and publisher are read from the fiche's layout: check them");
  }
  for (const relationship of draft.relationships) if (relationship.to === ficheSourcePlaceholder) relationship.to = `Source/${source}`;
  quoteNames(draft);
  const unplaced = [...new Set(draft.unplaced)].filter((sentence) => !draft.placed.has(sentence));
  return { layout: layout.name, draft, source, yaml: draftToYaml(draft, source, fileName, unplaced), unplaced };
}

/**
 * An entity drafted only by name (an ally met in a sentence) quotes the first sentence that names
 * it among its relationships': no fact of the draft goes without the words it comes from.
 */
function quoteNames(draft: Draft): void {
  for (const entity of draft.entities.values()) {
    if (entity.known || entity.source || entity.label === "Source" || entity.quotes.length > 0) continue;
    const name = normalizePlaceName(String(entity.props.name ?? entity.props.title ?? ""));
    if (!name) continue;
    const ref = (r: { from: string; to: string }) =>
      [r.from, r.to].some((end) => end === entity.slug || end === `${entity.label}/${entity.slug}`);
    const quote = draft.relationships.find((r) => r.quote && ref(r) && normalizePlaceName(r.quote).includes(name))?.quote;
    if (quote) draft.quote(entity, quote);
  }
}
