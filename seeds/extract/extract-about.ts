/** Stands for the fiche's own source until its slug is known. */
export const ficheSourcePlaceholder = "Source/__fiche__";
import type { ExtractContext } from "./extract-context.ts";
import type { Block } from "./fiche-text.ts";

/** The Fabrique's presentation (its alliance, its size, who supports it) and the fiche's credits. */
export function extractAbout(blocks: Block[], context: ExtractContext): { printer?: string } {
  const { draft } = context;
  // Named only when a block says something of it: a fiche without the Fabrique's block does not draft it.
  const fabrique = () => context.entityNamed("Ally", "La Fabrique des transitions");
  const credits: { printer?: string } = {};
  for (const block of blocks) {
    const text = block.text;
    let placed = false;
    const mark = (): void => {
      placed = true;
      draft.placed.add(text);
    };
    if (/^La Fabrique des transitions anime\b/.test(text)) {
      context.set(fabrique(), "kind", "network", text);
      context.set(fabrique(), "description", text, text);
      mark();
    }
    const size = /réunit (plus de |près de |environ )?(\d[\d\s]*) organisations.*? et (\d[\d\s]*) personnes/.exec(text);
    if (size) {
      const quote = /(?:elle )?réunit .*? personnes/.exec(text)![0];
      context.set(fabrique(), "organisationCount", Number(size[2]!.replace(/\s/g, "")), quote);
      if (size[1]?.startsWith("plus")) context.set(fabrique(), "organisationCountIsMinimum", true, quote);
      context.set(fabrique(), "personCount", Number(size[3]!.replace(/\s/g, "")), quote);
      mark();
    }
    if (/^Ensemble, les alli/.test(text)) mark(); // a statement of purpose, no fact to draw
    const support = /^Avec le soutien (?:de l['’]|de la |du |de )(.+)$/.exec(text);
    if (support) {
      const funder = context.entityNamed("Ally", support[1]!.trim());
      context.set(funder, "kind", "funder", text);
      draft.relate({ type: "SUPPORTS", from: funder.slug, to: fabrique().slug, props: { nature: "soutien" }, quote: text });
      mark();
    }
    const credit =
      /^(DIRECTION DE PUBLICATION|R[ÉE]DACTION|RELECTURE ET MISE EN PAGE|RELECTURE|MISE EN PAGE)\s*:?\s*([A-ZÀ-Ý][\p{Ll}'’-]+(?:[- ][A-ZÀ-Ý][\p{Ll}'’-]+)+)(.*)$/u.exec(
        text,
      );
    if (credit) {
      const person = context.entityNamed("Person", credit[2]!);
      draft.quote(person, text);
      const role = `${credit[1]!.toLocaleLowerCase("fr")}${credit[3]?.trim() ? `, ${credit[3].trim()}` : ""}`;
      draft.relate({ type: "CREDITED_IN", from: person.slug, to: ficheSourcePlaceholder, props: { role }, quote: text });
      mark();
    }
    const printer = /^IMPRESSION\s*:?\s*(.+)$/.exec(text);
    if (printer) {
      credits.printer = printer[1]!.trim();
      mark();
    }
    if (!placed) draft.unplaced.push(text);
  }
  return credits;
}
