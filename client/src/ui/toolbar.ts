import type { Explorer } from "../explorer.ts";
import { exportCsv, exportJson, exportPng } from "../export/export-view.ts";
import { clear, h } from "./dom.ts";
import { copyText } from "./copy-text.ts";
import { type Lang, strings } from "./i18n.ts";

/** View switch (network, map, list), copy link, exports, language, and the panels' drawer on phones. */
export function renderToolbar(container: HTMLElement, explorer: Explorer, lang: Lang, current: { layout: string; view: string }): void {
  const t = strings[lang];
  const viewButton = (id: string, label: string, pressed: boolean, action: () => void) =>
    h(
      "button",
      {
        type: "button",
        id,
        "aria-pressed": String(pressed),
        onclick: () => action(), // the explorer's onViewChange redraws these buttons
      },
      label,
    );
  const stamp = (): string => new Date().toISOString().slice(0, 10);
  clear(
    container,
    h(
      "div",
      { className: "view-switch", role: "group", "aria-label": "Vue" },
      viewButton("view-network", t.network, current.view === "graph" && current.layout === "network", () => {
        explorer.setView("graph");
        void explorer.setLayout("network");
      }),
      viewButton("view-map", t.map, current.view === "graph" && current.layout === "map", () => {
        explorer.setView("graph");
        void explorer.setLayout("map");
      }),
      viewButton("view-list", t.list, current.view === "list", () => explorer.setView("list")),
    ),
    h(
      "button",
      {
        type: "button",
        id: "copy-link",
        onclick: (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          const url = explorer.currentUrl();
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
        h("button", { type: "button", id: "export-png", onclick: () => exportPng(explorer.cy, `alliance-${stamp()}.png`) }, t.exportPng),
        h("button", { type: "button", id: "export-json", onclick: () => exportJson(explorer.cy, `alliance-${stamp()}.json`) }, t.exportJson),
        h("button", { type: "button", id: "export-nodes-csv", onclick: () => exportCsv(explorer.cy, "nodes", `alliance-noeuds-${stamp()}.csv`) }, t.exportNodesCsv),
        h("button", { type: "button", id: "export-edges-csv", onclick: () => exportCsv(explorer.cy, "edges", `alliance-liens-${stamp()}.csv`) }, t.exportEdgesCsv),
      ),
    ),
    h("button", { type: "button", id: "lang", lang: lang === "fr" ? "en" : "fr", onclick: () => explorer.setLang(lang === "fr" ? "en" : "fr") }, t.language),
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
