/** Wires the explorer's parts together; the behaviour lives in explorer/ and its features. */
import "./styles.css";
import { entityPath } from "../../core/ids.ts";
import { locales } from "../../core/locales/index.ts";
import { createApi } from "./api/graphql-client.ts";
import { Explorer } from "./explorer/explorer.ts";
import { parseUrl } from "./state/url-state.ts";
import { h } from "./ui/dom.ts";
import { buildPage } from "./ui/page.ts";
import { createSearchBox } from "./ui/search-box.ts";

const state = parseUrl(window.location.pathname, window.location.search);
const api = createApi("/graphql");
const page = buildPage(document.getElementById("app")!, state.lang, state.embed);
const explorer = new Explorer(page, api, state);

// Tests and other tools drive the page through the Cytoscape instance.
(window as unknown as { cy: unknown }).cy = explorer.cy;

if (state.embed) {
  const href = state.entity ? entityPath(state.entity) : "/";
  page.embedBar.append(
    h("a", { href, target: "_blank", rel: "noopener", id: "open-in-explorer" }, `${locales[state.lang].ui.openInExplorer} ↗`),
  );
} else {
  page.searchSlot.append(createSearchBox(api, state.lang, (ref) => void explorer.land(ref)));
  page.root.addEventListener("show-list", () => explorer.setView("list"));
}

void explorer.start();
