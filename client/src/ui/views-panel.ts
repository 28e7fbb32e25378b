import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import type { Api } from "../api/graphql-client.ts";
import { clear, h } from "./dom.ts";
import { embedSnippet } from "./embed-snippet.ts";

export type CuratedView = Awaited<ReturnType<Api["views"]>>[number];

export interface ViewsActions {
  setTitle(title: string | null): void;
  /** The URL of the view as it stands (embedded: the chrome-less /embed/… one). */
  viewUrl(embed: boolean): string;
  copy(text: string, button: HTMLButtonElement): void;
}

/**
 * *Vues*: name the view on screen (the name goes into its URL and the page's title) and copy its
 * link or its embed code; the curated views of the seed data (seeds/views.yaml), each a link.
 */
export class ViewsPanel {
  readonly element = h("section", { className: "views-panel", "aria-labelledby": "views-title" });

  constructor(
    private readonly lang: Lang,
    private readonly actions: ViewsActions,
  ) {}

  render(title: string | null, curated: CuratedView[]): void {
    const t = locales[this.lang].structure;
    const name = h("input", {
      type: "text",
      id: "view-name",
      maxLength: 120,
      value: title ?? "",
      placeholder: t.viewNamePlaceholder,
      onchange: () => this.actions.setTitle(name.value.trim() || null),
      onkeydown: (event: KeyboardEvent) => void (event.key === "Enter" && this.actions.setTitle(name.value.trim() || null)),
    });
    const snippet = (): string => embedSnippet(this.actions.viewUrl(true), t.embedTitle(name.value.trim() || locales[this.lang].ui.title));
    const langQuery = this.lang === "en" ? "&lang=en" : "";
    clear(
      this.element,
      h("h2", { id: "views-title" }, t.views),
      h("label", { className: "field" }, t.viewName, name),
      h(
        "div",
        { className: "row" },
        h(
          "button",
          {
            type: "button",
            id: "copy-view-link",
            onclick: (e: Event) => this.actions.copy(this.actions.viewUrl(false), e.currentTarget as HTMLButtonElement),
          },
          t.copyViewLink,
        ),
        h(
          "button",
          {
            type: "button",
            id: "copy-view-embed",
            onclick: (e: Event) => this.actions.copy(snippet(), e.currentTarget as HTMLButtonElement),
          },
          t.copyEmbed,
        ),
      ),
      curated.length
        ? [
            h("h3", {}, t.curated),
            h(
              "ul",
              { className: "curated-views" },
              curated.map((view) => {
                const label = (this.lang === "en" && view.nameEn) || view.name;
                const description = (this.lang === "en" && view.descriptionEn) || view.description;
                const href = `/?${view.query}&title=${encodeURIComponent(label)}${langQuery}`;
                return h(
                  "li",
                  { dataset: { view: view.slug } },
                  h("a", { href }, label),
                  description ? h("span", { className: "muted" }, ` — ${description}`) : null,
                );
              }),
            ),
          ]
        : null,
    );
  }
}
