import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { entityKinds } from "../../core/model/index.ts";
import type { Draft, DraftEntity } from "./draft.ts";

const order = ["Source", "Territory", "Cohort", "Ally", "Person", "Theme", "Initiative"] as const;

/** The draft as a seed file, with the reviewer's notes as comments and what was not placed at the end. */
export function draftToYaml(draft: Draft, source: string, fileName: string, unplaced: string[]): string {
  const content: Record<string, unknown> = { source };
  const notes = new Map<string, string[]>();
  for (const label of order) {
    const section = entityKinds[label].section;
    const items = [...draft.entities.values()]
      .filter((entity) => entity.label === label)
      .filter((entity) => !entity.known || Object.keys(entity.props).length > 0 || entity.quotes.length > 0)
      .map((entity) => {
        const item = toItem(entity);
        const remarks = [...(entity.known ? ["known in seeds/data: only what the fiche adds"] : []), ...entity.notes];
        if (remarks.length) notes.set(`${section}/${entity.slug}`, remarks);
        return item;
      });
    if (items.length) content[section] = items;
  }
  content.relationships = draft.relationships.map((r) => ({
    type: r.type,
    from: r.from,
    to: r.to,
    ...r.props,
    ...(r.source ? { source: r.source } : {}),
    ...(r.quote ? { quote: r.quote } : {}),
  }));

  const doc = new Document(content);
  doc.commentBefore = [
    ` Draft extracted from ${fileName} by npm run extract. Review every item against the fiche:`,
    " the extractor reads patterns, it does not understand. Each fact quotes the sentence it comes",
    " from; `npm run seed -- --check THIS_FILE` checks the quotes word for word.",
  ].join("\n");
  for (const pair of (doc.contents as YAMLMap).items) {
    if (!isSeq(pair.value)) continue;
    const section = String((pair.key as { value: string }).value);
    for (const item of pair.value.items) {
      if (!isMap(item)) continue;
      const slug = String(item.get("slug"));
      const remarks = notes.get(`${section}/${slug}`);
      if (remarks) item.commentBefore = remarks.map((r) => ` ${r}`).join("\n");
    }
  }
  if (unplaced.length)
    doc.comment = [" Not placed: sentences the extractor drew no fact from (review them by hand):", ...unplaced.map((s) => ` - ${s}`)].join(
      "\n",
    );
  return doc.toString({ lineWidth: 0 });
}

function toItem(entity: DraftEntity): Record<string, unknown> {
  return {
    slug: entity.slug,
    ...entity.props,
    ...(entity.source ? { source: entity.source } : {}),
    ...(entity.quotes.length === 1 ? { quote: entity.quotes[0] } : entity.quotes.length > 1 ? { quotes: entity.quotes } : {}),
  };
}
