import path from "node:path";
import type { FichePreview } from "../../core/import-preview.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { displayName, kindOf, requiredOf } from "../../core/model/index.ts";
import type { GraphSnapshot } from "../import/spreadsheet/graph-snapshot.ts";
import { draftToYaml } from "./draft-to-yaml.ts";
import { extractFiche } from "./extract-fiche.ts";
import { Knowledge } from "./knowledge.ts";

/**
 * A fiche that came in through the page, drafted against the graph as it is (its allies, places,
 * sources), its text kept with its new Source (there is no seeds/sources file to check quotes
 * against on a server), minus what the user dropped. The YAML is what the loader then checks.
 */
export function draftOfUpload(
  text: string,
  fileName: string,
  snapshot: GraphSnapshot,
  gazetteer: Gazetteer,
  options: { pages?: number | undefined; drop?: string[] | undefined } = {},
): { yaml: string; draftFile: string; preview: Omit<FichePreview, "problems"> } {
  const base = path.basename(fileName).replace(/\.[^.]+$/, "");
  const extraction = extractFiche(text, `${base}.txt`, Knowledge.fromEntities(snapshot.entities), gazetteer);
  const { draft } = extraction;
  const drop = new Set(options.drop ?? []);
  const source = draft.get("Source", extraction.source);
  const known = snapshot.entities.find((e) => e.label === "Source" && e.slug === extraction.source);
  const sourceExists = known !== undefined;
  // A new fiche, or one that came in through the page before (its text in the graph, no file on
  // disk): the quotes are checked against the text uploaded now.
  if (source && (!known || known.props.text !== undefined)) {
    delete source.props.file;
    source.props.text = text;
  }
  // An entity the graph knows is drafted with what the fiche adds; the loader checks a draft on its
  // own here (no seeds/data beside it), so its required properties come from the graph, unchanged.
  const inGraph = new Map(snapshot.entities.map((e) => [`${e.label}/${e.slug}`, e]));
  for (const entity of draft.entities.values()) {
    const known = inGraph.get(`${entity.label}/${entity.slug}`);
    if (!known) continue;
    // …and the codes the loader places and checks a territory by (a commune's INSEE code, an EPCI's SIREN).
    for (const property of [...requiredOf(entity.label), "inseeCode", "siren"])
      if (property !== "slug" && !(property in entity.props) && known.props[property] !== undefined)
        entity.props[property] = known.props[property];
  }
  for (const key of drop)
    if (key.startsWith("entity:") && !key.startsWith("entity:Source/")) draft.entities.delete(key.slice("entity:".length));
  const relationships = draft.relationships.map((r, index) => ({ r, key: `relationship:${index}` }));
  const kept = relationships.filter(({ r, key }) => !drop.has(key) && ![r.from, r.to].some((end) => endDropped(end, drop)));
  draft.relationships.splice(0, draft.relationships.length, ...kept.map(({ r }) => r));
  const draftFile = `${base}.yaml`;
  const yaml = draftToYaml(draft, extraction.source, `${base}.txt`, extraction.unplaced);
  return {
    yaml,
    draftFile,
    preview: {
      file: fileName,
      pages: options.pages,
      layout: extraction.layout,
      characters: text.length,
      source: { slug: extraction.source, title: String(source?.props.title ?? extraction.source), exists: sourceExists },
      entities: [...draft.entities.values()]
        .filter((e) => e.label !== "Source")
        .map((e) => ({
          key: `entity:${e.label}/${e.slug}`,
          kind: kindOf[e.label],
          slug: e.slug,
          name: displayName({ slug: e.slug, ...e.props }),
          known: e.known,
          props: e.props,
          quotes: e.quotes,
          notes: e.notes,
          source: e.source ?? extraction.source,
        })),
      relationships: relationships.map(({ r, key }) => ({ key, type: r.type, from: r.from, to: r.to, props: r.props, quote: r.quote })),
      unplaced: extraction.unplaced,
      dropped: [...drop],
    },
  };
}

/** A relationship whose end was dropped goes with it. */
function endDropped(end: string, drop: Set<string>): boolean {
  const slug = end.replace(/^[A-Za-z]+\//, "");
  return [...drop].some((key) => key.startsWith("entity:") && (key.endsWith(`/${slug}`) || key === `entity:${end}`));
}
