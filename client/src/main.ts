/** Wires the explorer's parts together; the behaviour lives in explorer/, editing/ and their features. */
import "./styles.css";
import { locales } from "../../core/locales/index.ts";
import { createApi } from "./api/graphql-client.ts";
import { Editing } from "./editing/editing.ts";
import { openLoginDialog } from "./editing/login-dialog.ts";
import { readSession, type Session } from "./editing/session.ts";
import { Explorer } from "./explorer/explorer.ts";
import { loadFirstView } from "./explorer/start.ts";
import { parseUrl, toUrl } from "./state/url-state.ts";
import { h } from "./ui/dom.ts";
import { buildPage } from "./ui/page.ts";
import { createSearchBox } from "./ui/search-box.ts";

async function main(): Promise<void> {
  const state = parseUrl(window.location.pathname, window.location.search);
  const api = createApi("/graphql");
  const page = buildPage(document.getElementById("app")!, state.lang, state.embed);
  const session: Session = await readSession().catch(() => ({ username: null, role: null, publicRead: true }));
  // A private deployment (PUBLIC_READ=false) shows anonymous visitors only the login; it reloads the page.
  if (!session.publicRead && !session.username) {
    openLoginDialog(state.lang, true);
    return;
  }
  page.status.textContent = locales[state.lang].ui.loading;
  const explorer = new Explorer(page, api, state, await loadFirstView(api, state));
  // Tests and other tools drive the page through the Cytoscape instance.
  (window as unknown as { cy: unknown }).cy = explorer.cy;

  if (state.embed) {
    const href = toUrl({ ...state, embed: false }); // the same view, with the explorer around it
    page.embedBar.append(
      h("a", { href, target: "_blank", rel: "noopener", id: "open-in-explorer" }, `${locales[state.lang].ui.openInExplorer} ↗`),
    );
  } else {
    page.searchSlot.append(createSearchBox(api, state.lang, (ref) => void explorer.land(ref)));
    page.root.addEventListener("show-list", () => explorer.setView("list"));
    explorer.setEditing(new Editing(page.account, api, state.lang, session, explorer));
  }
  await explorer.start();
  await explorer.loadStructure();
}

void main();
