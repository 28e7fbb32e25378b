import { entityPath } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { stringify } from "csv-stringify/browser/esm/sync";
import { neutralizeCell } from "../../../core/text/spreadsheet-cell.ts";
import type { Api } from "../api/graphql-client.ts";
import { describeError } from "../api/api-error.ts";
import { download } from "../export/download.ts";
import { clear, h } from "./dom.ts";

type Quality = Awaited<ReturnType<Api["dataQuality"]>>;
type Entity = Quality["withoutQuote"][number];
const lists = ["withoutQuote", "approximatePlaces", "initiativesWithoutTerritory", "alliesWithoutTie", "likelyDuplicates"] as const;

/**
 * *Qualité des données*: what an editor should look at (dataQuality), asked for when the section is
 * opened; each list links to the entities, and the whole exports as one CSV (a row per entity).
 */
export class QualityPanel {
  readonly element: HTMLDetailsElement;
  private readonly body = h("div", { className: "quality-body", "aria-live": "polite" });
  private loaded = false;

  constructor(
    private readonly lang: Lang,
    private readonly api: Api,
  ) {
    const t = locales[lang].structure;
    this.element = h(
      "details",
      { className: "quality-panel", id: "quality", ontoggle: () => void (this.element.open && this.load()) },
      h("summary", {}, h("h2", { id: "quality-title" }, t.quality)),
      h("p", { className: "muted" }, t.qualityHelp),
      this.body,
    );
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    clear(this.body, h("p", { className: "muted" }, locales[this.lang].ui.loading));
    try {
      this.show(await this.api.dataQuality());
    } catch (error) {
      this.loaded = false;
      clear(this.body, h("p", { className: "error", role: "alert" }, describeError(error, this.lang)));
    }
  }

  private show(quality: Quality): void {
    const t = locales[this.lang].structure;
    const rows = qualityRows(quality);
    const link = (e: Entity) => h("a", { href: this.href(e) }, e.name);
    clear(
      this.body,
      lists.map((list) => {
        const items =
          list === "likelyDuplicates"
            ? quality.likelyDuplicates.map((group) =>
                h(
                  "li",
                  {},
                  group.entities.flatMap((e, i) => (i > 0 ? [" · ", link(e)] : [link(e)])),
                ),
              )
            : quality[list].map((e) => h("li", {}, link(e)));
        return h(
          "div",
          { className: "quality-list", dataset: { list } },
          h("h3", {}, `${t[list]} (${items.length})`),
          items.length ? h("ul", {}, items) : h("p", { className: "muted" }, t.nothingToFix),
        );
      }),
      h(
        "button",
        {
          type: "button",
          id: "export-quality",
          onclick: () => {
            const table = [
              t.qualityColumns,
              ...rows.map((r) => [
                t[r.list],
                r.entity.kind,
                r.entity.slug,
                r.entity.name,
                new URL(this.href(r.entity), window.location.origin).href,
              ]),
            ];
            const csv = stringify(
              table.map((row) => row.map(neutralizeCell)),
              { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
            );
            download(
              new Blob(["\uFEFF" + csv], { type: "text/csv;charset=utf-8" }),
              `qualite-des-donnees-${new Date().toISOString().slice(0, 10)}.csv`,
            );
          },
        },
        t.exportQuality,
      ),
    );
  }

  private href(entity: Entity): string {
    return entityPath(entity) + (this.lang === "en" ? "?lang=en" : "");
  }
}

/** One row per entity of each list (a duplicate group gives a row per entity in it). */
export function qualityRows(quality: Quality): { list: (typeof lists)[number]; entity: Entity }[] {
  return lists.flatMap((list): { list: (typeof lists)[number]; entity: Entity }[] =>
    list === "likelyDuplicates"
      ? quality.likelyDuplicates.flatMap((group) => group.entities.map((entity) => ({ list, entity })))
      : quality[list].map((entity) => ({ list, entity })),
  );
}
