import type { Api } from "../api/graphql-client.ts";
import type { EntityRef, SearchHit } from "../api/types.ts";
import { clear, h } from "./dom.ts";
import { locales } from "../../../core/locales/index.ts";
import { kindName, type Lang } from "../../../core/model/index.ts";
import { swatch } from "./legend.ts";

/**
 * Search as you type: an <input type="search"> with a listbox of suggestions from the server's
 * `search` (accents and case optional). Arrows move, Enter lands on the highlighted (or first)
 * suggestion, Escape closes.
 */
export function createSearchBox(api: Api, lang: Lang, onPick: (ref: EntityRef) => void): HTMLElement {
  const t = locales[lang].ui;
  const listId = "search-suggestions";
  const input = h("input", {
    type: "search",
    id: "search",
    placeholder: t.searchPlaceholder,
    autocomplete: "off",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-label": t.searchLabel,
  });
  const list = h("ul", { id: listId, role: "listbox", className: "suggestions", hidden: true });
  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  let timer: number | undefined;
  let lastQuery = "";

  const close = (): void => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const render = (): void => {
    clear(
      list,
      hits.map((hit, index) =>
        h(
          "li",
          {
            id: `suggestion-${index}`,
            role: "option",
            "aria-selected": String(index === active),
            className: index === active ? "active" : "",
            onmousedown: (event: MouseEvent) => {
              event.preventDefault();
              pick(index);
            },
          },
          swatch(hit.kind),
          h("span", { className: "name" }, hit.name),
          h("span", { className: "kind" }, kindName(hit.kind, lang)),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  };
  const pick = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.name;
    close();
    onPick({ kind: hit.kind, slug: hit.slug });
  };
  const fetchHits = async (text: string): Promise<void> => {
    controller?.abort();
    controller = new AbortController();
    lastQuery = text;
    try {
      const found = await api.search(text, 8, controller.signal);
      if (text !== lastQuery) return;
      hits = found;
      active = -1;
      render();
    } catch (error) {
      if ((error as Error).name !== "AbortError") console.warn(error);
    }
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(() => void fetchHits(text), 120);
  });
  input.addEventListener("keydown", async (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const text = input.value.trim();
      if (text.length >= 1 && (hits.length === 0 || text !== lastQuery)) {
        window.clearTimeout(timer);
        await fetchHits(text);
      }
      pick(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(close, 150));
  return h("div", { className: "search", role: "search" }, input, list);
}
