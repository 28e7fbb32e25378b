import type { FichePreview } from "../../../core/import-preview.ts";
import { locales } from "../../../core/locales/index.ts";
import { kindName, labelOf, propertyName, relationshipName, valueName, type Lang } from "../../../core/model/index.ts";
import { h } from "../ui/dom.ts";

/**
 * A fiche's draft: every entity and relationship the extractor found, each with the sentence it
 * comes from and a box to leave it out, the sentences it did not place, and what the loader's checks
 * say of the draft. Unticking goes into `drop`; `onEdited` says the draft is to be made again.
 */
export function ficheView(fiche: FichePreview, drop: Set<string>, lang: Lang, onEdited: () => void): HTMLElement {
  const t = locales[lang].importing.fiche;
  const include = (key: string) =>
    h("input", {
      type: "checkbox",
      checked: !drop.has(key),
      "aria-label": t.include,
      dataset: { key },
      onchange: (event: Event) => {
        if ((event.target as HTMLInputElement).checked) drop.delete(key);
        else drop.add(key);
        onEdited();
      },
    });
  const shown = (value: unknown) => (Array.isArray(value) ? value.join(" ; ") : String(value));
  const word = (kind: FichePreview["entities"][number]["kind"], property: string, value: unknown) =>
    typeof value === "string" ? valueName(labelOf[kind], property, value, lang) : shown(value);
  return h(
    "section",
    { className: "fiche-preview" },
    h("p", {}, t.source(fiche.source.title)),
    h("h3", {}, `${t.entities} (${fiche.entities.length})`),
    h(
      "ul",
      { className: "fiche-entities" },
      fiche.entities.map((e) =>
        h(
          "li",
          { className: drop.has(e.key) ? "dropped" : "", dataset: { key: e.key } },
          include(e.key),
          " ",
          h("strong", {}, e.name),
          ` — ${kindName(e.kind, lang).toLowerCase()}`,
          e.known ? h("span", { className: "muted" }, ` (${t.known})`) : null,
          e.source === "cog" ? h("span", { className: "muted" }, ` (${t.fromCog})`) : null,
          h(
            "ul",
            { className: "props" },
            Object.entries(e.props)
              .filter(([k]) => !["slug", "name", "title", "text"].includes(k))
              .map(([k, v]) => h("li", {}, `${propertyName(k, lang, labelOf[e.kind])} : ${word(e.kind, k, v)}`)),
          ),
          e.quotes.map((quote) => h("blockquote", {}, `« ${quote} »`)),
          e.notes.map((note) => h("p", { className: "muted" }, note)),
        ),
      ),
    ),
    h("h3", {}, `${t.relationships} (${fiche.relationships.length})`),
    h(
      "ul",
      { className: "fiche-relationships" },
      fiche.relationships.map((r) =>
        h(
          "li",
          { className: drop.has(r.key) ? "dropped" : "", dataset: { key: r.key } },
          include(r.key),
          ` ${r.from.replace(/^\w+\//, "")} `,
          h("em", {}, relationshipName(r.type, lang)),
          ` ${r.to.replace(/^\w+\//, "")}`,
          Object.keys(r.props).length
            ? h(
                "span",
                { className: "muted" },
                ` (${Object.entries(r.props)
                  .map(([k, v]) => `${k} ${shown(v)}`)
                  .join(", ")})`,
              )
            : null,
          r.quote ? h("blockquote", {}, `« ${r.quote} »`) : null,
        ),
      ),
    ),
    h("h3", {}, t.unplaced),
    fiche.unplaced.length
      ? h(
          "ul",
          { className: "fiche-unplaced" },
          fiche.unplaced.map((s) => h("li", {}, s)),
        )
      : h("p", { className: "muted" }, t.none),
    h("h3", {}, t.problems),
    fiche.problems.length
      ? h(
          "ul",
          { className: "form-problems", id: "fiche-problems" },
          fiche.problems.map((p) => h("li", {}, `${p.line} : ${p.message}`)),
        )
      : h("p", { className: "muted", id: "fiche-problems" }, t.none),
  );
}
