import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { copyText } from "./copy-text.ts";
import { clear, h } from "./dom.ts";

/** What the toolbar may ask of the explorer. */
export interface ToolbarActions {
  showNetwork(): void;
  showMap(): void;
  showList(): void;
  currentUrl(): string;
  exportPng(): void;
  exportJson(): void;
  exportCsv(group: "nodes" | "edges"): void;
  switchLanguage(): void;
}

/** View switch (network, map, list), copy link, exports, language, and the panels' drawer on phones. */
export function renderToolbar(
  container: HTMLElement,
  actions: ToolbarActions,
  lang: Lang,
  current: { layout: string; view: string },
): void {
  const t = locales[lang].ui;
  const viewButton = (id: string, label: string, pressed: boolean, action: () => void) =>
    h("button", { type: "button", id, "aria-pressed": String(pressed), onclick: () => action() }, label); // the explorer redraws these buttons
  clear(
    container,
    h(
      "div",
      { className: "view-switch", role: "group", "aria-label": t.views },
      viewButton("view-network", t.network, current.view === "graph" && current.layout === "network", actions.showNetwork),
      viewButton("view-map", t.map, current.view === "graph" && current.layout === "map", actions.showMap),
      viewButton("view-list", t.list, current.view === "list", actions.showList),
    ),
    h(
      "button",
      {
        type: "button",
        id: "copy-link",
        onclick: (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          const url = actions.currentUrl();
          void copyText(url);
          button.textContent = t.linkCopied;
          button.dataset.copied = url;
          setTimeout(() => (button.textContent = t.copyLink), 1500);
        },
      },
      t.copyLink,
    ),
    h(
      "details",
      { className: "menu", id: "export-menu" },
      h("summary", {}, t.export),
      h(
        "div",
        { className: "menu-items" },
        h("button", { type: "button", id: "export-png", onclick: () => actions.exportPng() }, t.exportPng),
        h("button", { type: "button", id: "export-json", onclick: () => actions.exportJson() }, t.exportJson),
        h("button", { type: "button", id: "export-nodes-csv", onclick: () => actions.exportCsv("nodes") }, t.exportNodesCsv),
        h("button", { type: "button", id: "export-edges-csv", onclick: () => actions.exportCsv("edges") }, t.exportEdgesCsv),
      ),
    ),
    h("button", { type: "button", id: "lang", lang: t.otherLang, onclick: () => actions.switchLanguage() }, t.language),
    h(
      "button",
      {
        type: "button",
        id: "panels-toggle",
        "aria-controls": "controls",
        "aria-expanded": "false",
        onclick: (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          const open = document.getElementById("controls")!.classList.toggle("open");
          button.setAttribute("aria-expanded", String(open));
        },
      },
      t.showPanel,
    ),
  );
}
