import path from "node:path";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { slugify } from "../../core/text/normalize.ts";
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

export interface Extraction {
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
  const { sections } = readFiche(text);
  const context = new ExtractContext(knowledge, gazetteer);
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
    const years = context.years ? `, ${context.years[0]}-${context.years[1]}` : "";
    draft.set(
      entity,
      "title",
      `La cohorte ${context.programme} : les projets des territoires — Saison ${context.season ?? "?"}${years}${territoryName ? ` — ${territoryName}` : ""}`,
    );
    draft.set(entity, "publisher", "La Fabrique des transitions");
    draft.set(entity, "kind", "fiche");
    draft.set(entity, "file", `${base}.txt`);
    draft.set(entity, "printer", printer);
    entity.notes.push("title and publisher are read from the fiche's layout: check them");
  }
  for (const relationship of draft.relationships) if (relationship.to === ficheSourcePlaceholder) relationship.to = `Source/${source}`;
  const unplaced = [...new Set(draft.unplaced)].filter((sentence) => !draft.placed.has(sentence));
  return { draft, source, yaml: draftToYaml(draft, source, fileName, unplaced), unplaced };
}
