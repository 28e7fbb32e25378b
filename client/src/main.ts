/** Wires the explorer's parts together; the behaviour lives in explorer.ts and its modules. */
import "./styles.css";
import { createApi } from "./api/graphql-client.ts";
import { Explorer } from "./explorer.ts";
import { entityPath, parseUrl } from "./state/url-state.ts";
import { h } from "./ui/dom.ts";
import { strings } from "./ui/i18n.ts";
import { buildPage } from "./ui/page.ts";
import { createSearchBox } from "./ui/search-box.ts";
import { renderToolbar } from "./ui/toolbar.ts";

const state = parseUrl(window.location.pathname, window.location.search);
const api = createApi("/graphql");
const page = buildPage(document.getElementById("app")!, state.lang, state.embed);
const explorer = new Explorer(page, api, state);

// Tests and other tools drive the page through the Cytoscape instance.
(window as unknown as { cy: unknown }).cy = explorer.cy;

if (state.embed) {
  const href = state.entity ? entityPath(state.entity) : "/";
  page.embedBar.append(h("a", { href, target: "_blank", rel: "noopener", id: "open-in-explorer" }, `${strings[state.lang].openInExplorer} ↗`));
} else {
  page.searchSlot.append(createSearchBox(api, () => state.lang, (ref) => void explorer.land(ref)));
  explorer.onViewChange = (layout, view) => renderToolbar(page.toolbar, explorer, state.lang, { layout, view });
  renderToolbar(page.toolbar, explorer, state.lang, { layout: state.layout, view: state.view });
  page.root.addEventListener("show-list", () => explorer.setView("list"));
}

void explorer.start();
