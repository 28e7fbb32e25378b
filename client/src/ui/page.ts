import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { h } from "./dom.ts";

export interface PageElements {
  root: HTMLElement;
  header: HTMLElement;
  searchSlot: HTMLElement;
  toolbar: HTMLElement;
  account: HTMLElement; // log in and out, the role, new entity, to review (editing/editing.ts)
  controls: HTMLElement;
  stage: HTMLElement;
  graph: HTMLElement;
  list: HTMLElement;
  details: HTMLElement;
  status: HTMLElement;
  notice: HTMLElement; // what the page says over the graph when the URL names no entity there is
  tooltip: HTMLElement;
  credits: HTMLElement;
  embedBar: HTMLElement;
}

/** The page's frame; in embed mode, only the graph and a link to the full explorer. */
export function buildPage(root: HTMLElement, lang: Lang, embed: boolean): PageElements {
  const t = locales[lang].ui;
  document.documentElement.lang = lang;
  document.title = t.title;
  const page: PageElements = {
    root,
    header: h("header", { id: "topbar" }),
    searchSlot: h("div", { id: "search-slot" }),
    toolbar: h("div", { id: "toolbar" }),
    account: h("div", { id: "account" }),
    controls: h("aside", { id: "controls", className: "drawer", "aria-label": t.filters }),
    stage: h("main", { id: "stage" }),
    graph: h("div", { id: "cy", role: "img", "aria-label": t.graphLabel }),
    list: h("div", { id: "list", hidden: true }),
    details: h("aside", { id: "details", className: "drawer", "aria-labelledby": "details-title", hidden: true }),
    status: h("p", { id: "status", role: "status", "aria-live": "polite" }),
    notice: h("div", { id: "notice", role: "alert", hidden: true }),
    tooltip: h("div", { id: "tooltip", role: "tooltip", hidden: true }),
    credits: h("p", { id: "credits", hidden: true }),
    embedBar: h("div", { id: "embed-bar" }),
  };
  page.header.append(h("h1", { className: "brand" }, h("a", { href: "/" }, t.title)), page.searchSlot, page.toolbar, page.account);
  page.stage.append(page.graph, page.list, page.notice, page.status, page.tooltip, page.credits);
  root.dataset.embed = String(embed);
  if (embed) root.replaceChildren(page.stage, page.embedBar);
  else
    root.replaceChildren(
      h("a", { className: "skip", href: "#list", onclick: () => root.dispatchEvent(new CustomEvent("show-list")) }, t.list),
      page.header,
      h("div", { id: "layout" }, page.controls, page.stage, page.details),
    );
  return page;
}
