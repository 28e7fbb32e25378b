import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { nodeSeasons } from "../graph/seasons.ts";
import { clear, h } from "./dom.ts";
import { locales } from "../../../core/locales/index.ts";
import { kindName, labelOf, relationshipName, valueName, type Lang } from "../../../core/model/index.ts";

type SortKey = "name" | "kind" | "season";

/**
 * The same filtered graph as a table, for keyboard and screen-reader users: one row per visible
 * entity, sortable by name, kind and season, each row linking to its neighbours' rows.
 */
export class ListView {
  private sort: { key: SortKey; ascending: boolean } = { key: "name", ascending: true };

  constructor(
    private readonly container: HTMLElement,
    private readonly cy: Core,
    private readonly lang: Lang,
    private readonly onSelect: (nodeId: string) => void,
  ) {}

  render(): void {
    const lang = this.lang;
    const t = locales[lang].ui;
    const nodes = this.cy.nodes().not(".hidden").toArray() as NodeSingular[];
    const seasonsOf = new Map(nodes.map((n) => [n.id(), nodeSeasons(n)]));
    const value = (node: NodeSingular): string => {
      if (this.sort.key === "kind") return `${kindName(node.data("kind"), lang)} ${node.data("label")}`;
      if (this.sort.key === "season") return `${seasonsOf.get(node.id())!.join(",") || "~"} ${node.data("label")}`;
      return String(node.data("label"));
    };
    nodes.sort((a, b) => value(a).localeCompare(value(b), lang) * (this.sort.ascending ? 1 : -1));
    const header = (key: SortKey, label: string): HTMLElement =>
      h(
        "th",
        { scope: "col", "aria-sort": this.sort.key === key ? (this.sort.ascending ? "ascending" : "descending") : "none" },
        h(
          "button",
          { type: "button", className: "sort", "aria-label": t.sortBy(label), onclick: () => this.sortBy(key) },
          label,
          this.sort.key === key ? (this.sort.ascending ? " ▲" : " ▼") : "",
        ),
      );
    clear(
      this.container,
      h(
        "table",
        { className: "entity-list" },
        h("caption", {}, `${t.listCaption} (${nodes.length})`),
        h(
          "thead",
          {},
          h("tr", {}, header("name", t.name), header("kind", t.kind), header("season", t.seasons), h("th", { scope: "col" }, t.neighbours)),
        ),
        h(
          "tbody",
          {},
          nodes.map((node) =>
            h(
              "tr",
              { id: rowId(node.id()), className: node.selected() ? "selected" : "" },
              h(
                "th",
                { scope: "row" },
                h("button", { type: "button", className: "link", onclick: () => this.onSelect(node.id()) }, String(node.data("label"))),
              ),
              h(
                "td",
                {},
                kindName(node.data("kind"), lang),
                node.data("subkind")
                  ? ` (${valueName(labelOf[node.data("kind") as keyof typeof labelOf], "kind", node.data("subkind"), lang)})`
                  : "",
              ),
              h("td", {}, seasonsOf.get(node.id())!.join(", ")),
              h(
                "td",
                {},
                h(
                  "ul",
                  { className: "inline" },
                  node
                    .connectedEdges()
                    .not(".hidden")
                    .map((element) => {
                      const edge = element as EdgeSingular;
                      const other = edge.source().id() === node.id() ? edge.target() : edge.source();
                      return h(
                        "li",
                        {},
                        h(
                          "a",
                          {
                            href: `#${rowId(other.id())}`,
                            onclick: (event: Event) => {
                              event.preventDefault();
                              this.focusRow(other.id());
                            },
                          },
                          `${relationshipName(edge.data("type"), lang)} : ${other.data("label")}`,
                        ),
                      );
                    }),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  /** Moves keyboard focus to an entity's row (and selects it). */
  focusRow(nodeId: string): void {
    this.onSelect(nodeId);
    const button = this.container.querySelector<HTMLButtonElement>(`#${CSS.escape(rowId(nodeId))} th button`);
    button?.focus();
  }

  private sortBy(key: SortKey): void {
    this.sort = { key, ascending: this.sort.key === key ? !this.sort.ascending : true };
    this.render();
    this.container.querySelector<HTMLButtonElement>(`th[aria-sort="${this.sort.ascending ? "ascending" : "descending"}"] button`)?.focus();
  }
}

function rowId(nodeId: string): string {
  return `row-${nodeId.replace(/[^a-z0-9-]/gi, "_")}`;
}
