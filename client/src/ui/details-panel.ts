import { embedSnippet } from "./embed-snippet.ts";
import type { EdgeSingular, NodeSingular } from "cytoscape";
import { entityPath, refOfNodeId } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { labelOf, propertyName, relationshipName, type Lang } from "../../../core/model/index.ts";
import { describeError } from "../api/api-error.ts";
import type { Api } from "../api/graphql-client.ts";
import type { EntityRef, Provenance, SourceInfo } from "../api/types.ts";
import { clear, h } from "./dom.ts";
import { swatch } from "./legend.ts";
import { propertyRows } from "./property-rows.ts";
import { describeKind } from "./tooltip.ts";

export interface DetailsActions {
  land(ref: EntityRef): void;
  toggleExpand(nodeId: string): void;
  isExpanded(nodeId: string): boolean;
  setFocus(nodeId: string, depth: number | null): void;
  focusDepth(): number | null;
  setPathEnd(end: "from" | "to", ref: EntityRef): void;
  copy(text: string, button: HTMLButtonElement): void;
  close(): void;
}

/** What editing adds to the panel (editing/editing.ts): its buttons, and the entity's history. */
export interface DetailsEditing {
  controls(ref: EntityRef, data: Record<string, unknown>): HTMLElement;
  history(ref: EntityRef): HTMLElement;
}

/** The details of the selected entity: properties, sources with their quotes, neighbours, actions, embed code. */
export class DetailsPanel {
  private requested = "";
  private editing: DetailsEditing | undefined;

  setEditing(editing: DetailsEditing): void {
    this.editing = editing;
  }

  constructor(
    private readonly container: HTMLElement,
    private readonly api: Api,
    private readonly lang: Lang,
    private readonly actions: DetailsActions,
    private readonly sources: () => Map<string, SourceInfo>,
  ) {}

  clear(): void {
    this.requested = "";
    clear(this.container);
    this.container.hidden = true;
  }

  show(node: NodeSingular): void {
    const t = locales[this.lang].ui;
    const ref = refOfNodeId(node.id());
    this.requested = node.id();
    const provenance = h("div", { className: "provenance" }, h("p", { className: "muted" }, t.loading));
    const collaborators = h("div", { className: "collaborators" }, h("p", { className: "muted" }, t.loading));
    const depth = this.actions.focusDepth();
    const permalink = new URL(entityPath(ref), window.location.origin).href;
    const embedUrl = new URL(entityPath(ref, true), window.location.origin).href;
    const snippet = embedSnippet(embedUrl, `${String(node.data("label"))} — ${t.title}`);
    const copyLink = h(
      "button",
      { type: "button", onclick: (e: Event) => this.actions.copy(permalink, e.currentTarget as HTMLButtonElement) },
      t.copyLink,
    );
    const copyEmbed = h(
      "button",
      { type: "button", onclick: (e: Event) => this.actions.copy(snippet, e.currentTarget as HTMLButtonElement) },
      t.copyCode,
    );
    const worksWithOthers = ref.kind === "ally" || ref.kind === "person";

    clear(
      this.container,
      h(
        "header",
        { className: "details-header" },
        h("h2", { id: "details-title", tabindex: "-1" }, swatch(ref.kind), " ", String(node.data("label"))),
        h("p", { className: "kind" }, describeKind(ref.kind, node.data("subkind"), this.lang)),
        h("button", { type: "button", className: "close", "aria-label": t.close, onclick: () => this.actions.close() }, "×"),
      ),
      h(
        "div",
        { className: "actions" },
        h(
          "button",
          {
            type: "button",
            "aria-pressed": String(this.actions.isExpanded(node.id())),
            onclick: () => this.actions.toggleExpand(node.id()),
          },
          this.actions.isExpanded(node.id()) ? t.collapse : t.expand,
        ),
        h(
          "label",
          { className: "focus-control" },
          `${t.focus} `,
          h(
            "select",
            {
              "aria-label": `${t.focus} — ${t.focusDepth}`,
              onchange: (e: Event) => this.actions.setFocus(node.id(), Number((e.target as HTMLSelectElement).value) || null),
            },
            [
              h("option", { value: "0", selected: depth === null }, t.focusOff),
              ...[1, 2, 3].map((d) => h("option", { value: String(d), selected: depth === d }, `${t.focusDepth} ${d}`)),
            ],
          ),
        ),
        h("button", { type: "button", onclick: () => this.actions.setPathEnd("from", ref) }, t.pathStart),
        h("button", { type: "button", onclick: () => this.actions.setPathEnd("to", ref) }, t.pathEnd),
        copyLink,
      ),
      this.editing?.controls(ref, node.data() as Record<string, unknown>) ?? null,
      h("h3", {}, t.properties),
      h("dl", { className: "properties" }, propertyRows(labelOf[ref.kind], node.data() as Record<string, unknown>, this.lang)),
      h("h3", {}, t.sources),
      provenance,
      worksWithOthers ? [h("h3", {}, t.workedWith), collaborators] : null,
      h("h3", {}, t.neighbours),
      this.neighbours(node),
      this.editing ? [h("h3", {}, locales[this.lang].edit.history), this.editing.history(ref)] : null,
      h(
        "details",
        { className: "embed" },
        h("summary", {}, t.embed),
        h("p", {}, t.embedHelp),
        h("textarea", { readonly: true, rows: 4, "aria-label": t.embed }, snippet),
        copyEmbed,
      ),
    );
    this.container.hidden = false;
    void this.loadProvenance(ref, node.id(), provenance);
    if (worksWithOthers) void this.loadCollaborators(ref, node.id(), collaborators);
  }

  /** Who worked with this ally or person, and why (shared territory, shared initiative, direct tie), in the page's words. */
  private async loadCollaborators(ref: EntityRef, nodeId: string, container: HTMLElement): Promise<void> {
    const words = locales[this.lang].collaboration;
    try {
      const collaborators = await this.api.collaborators(ref);
      if (this.requested !== nodeId) return;
      clear(
        container,
        collaborators.length === 0
          ? h("p", { className: "muted" }, "—")
          : h(
              "ul",
              { className: "neighbours" },
              collaborators.map((c) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    {
                      type: "button",
                      className: "link",
                      onclick: () => this.actions.land({ kind: c.collaborator.kind, slug: c.collaborator.slug }),
                    },
                    swatch(c.collaborator.kind),
                    ` ${c.collaborator.name}`,
                  ),
                  h(
                    "ul",
                    { className: "reasons" },
                    c.reasons.map((reason) =>
                      h(
                        "li",
                        {},
                        words[reason.reason]({ via: reason.via?.name ?? null, seasons: reason.seasons, relationship: reason.relationship }),
                      ),
                    ),
                  ),
                ),
              ),
            ),
      );
    } catch (error) {
      clear(container, h("p", { className: "error" }, describeError(error, this.lang)));
    }
  }

  private neighbours(node: NodeSingular): HTMLElement {
    const items = node.connectedEdges().map((edge) => {
      const outgoing = edge.source().id() === node.id();
      const other = outgoing ? edge.target() : edge.source();
      return h(
        "li",
        {},
        h("span", { className: "relation" }, describeEdge(edge, outgoing, this.lang)),
        " ",
        h(
          "button",
          { type: "button", className: "link", onclick: () => this.actions.land(refOfNodeId(other.id())) },
          swatch(other.data("kind")),
          ` ${other.data("label")}`,
        ),
        edge.data("quote")
          ? h("blockquote", { className: "edge-quote" }, `« ${edge.data("quote")} »`, this.sourceCite(edge.data("sourceDocument")))
          : null,
      );
    });
    return h("ul", { className: "neighbours" }, items);
  }

  private sourceCite(slug: unknown): HTMLElement | null {
    if (typeof slug !== "string") return null;
    const source = this.sources().get(slug);
    return h("cite", {}, ` — ${source?.title ?? slug}`);
  }

  private async loadProvenance(ref: EntityRef, nodeId: string, container: HTMLElement): Promise<void> {
    let provenance: Provenance[];
    try {
      provenance = await this.api.provenance(ref);
    } catch (error) {
      clear(container, h("p", { className: "error" }, describeError(error, this.lang)));
      return;
    }
    if (this.requested !== nodeId) return;
    clear(
      container,
      h(
        "ul",
        {},
        provenance.map((p) =>
          h(
            "li",
            {},
            h("strong", {}, p.source.title),
            h("span", { className: "muted" }, ` — ${p.source.publisher}`),
            h("div", { className: "fields" }, p.fields.map((f) => propertyName(f, this.lang, labelOf[ref.kind])).join(", ")),
            p.quotes.map((quote) => h("blockquote", {}, `« ${quote} »`)),
          ),
        ),
      ),
    );
  }
}

function describeEdge(edge: EdgeSingular, outgoing: boolean, lang: Lang): string {
  const t = locales[lang].ui;
  const season = edge.data("season") ? ` (${t.seasonNumber(edge.data("season"))})` : "";
  const role = edge.data("role") ? ` — ${edge.data("role")}` : "";
  return `${outgoing ? "→" : "←"} ${relationshipName(edge.data("type"), lang)}${season}${role}`;
}
