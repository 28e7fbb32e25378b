import type { CellIssue, ImportDecisions, ImportPreview, PreviewAction, PreviewRow } from "../../../core/import-preview.ts";
import type { PlaceCandidate } from "../../../core/api-errors.ts";
import { locales } from "../../../core/locales/index.ts";
import { labelOf, propertyName, valueName, type Lang } from "../../../core/model/index.ts";
import { clear, h } from "../ui/dom.ts";

const pageSize = 50;
const filters: ("all" | PreviewAction)[] = ["all", "problem", "decide", "create", "update", "same-as-row", "unchanged", "dropped"];

/** A cell's issue in the page's language: its reason's words, else the server's English message. */
export function wordIssue(issue: CellIssue, lang: Lang): string {
  return locales[lang].importing.issues[issue.reason]?.(issue.params) ?? issue.message;
}

/**
 * Every row of the preview, a page at a time, filtered by what happens to it: its cells (a cell with
 * a problem is an input, with the problem under it and the communes it may mean as buttons), what it
 * creates, updates (before → after) or leaves, a duplicate beside the entity it may be, and *Écarter*.
 * The user's corrections, drops and choices go into `decisions`; `onEdited` says the preview is stale.
 */
export function previewTable(preview: ImportPreview, decisions: Required<ImportDecisions>, lang: Lang, onEdited: () => void): HTMLElement {
  const t = locales[lang].importing;
  const shown = preview.columns.filter((c) => c.target !== null);
  let filter: "all" | PreviewAction = preview.counts.problem > 0 ? "problem" : "all";
  let page = 0;
  const body = h("tbody");
  const pager = h("div", { className: "import-pager" });
  const tabs = h("div", { className: "import-filters", role: "tablist" });

  const render = (): void => {
    const rows = preview.rows.filter((row) => filter === "all" || row.action === filter);
    page = Math.min(page, Math.max(0, Math.ceil(rows.length / pageSize) - 1));
    clear(
      tabs,
      filters
        .filter((f) => f === "all" || preview.counts[f] > 0)
        .map((f) =>
          h(
            "button",
            {
              type: "button",
              role: "tab",
              "aria-selected": String(f === filter),
              dataset: { filter: f },
              onclick: () => ((filter = f), (page = 0), render()),
            },
            `${t.filters[f]} (${f === "all" ? preview.counts.rows : preview.counts[f]})`,
          ),
        ),
    );
    clear(
      body,
      rows.slice(page * pageSize, (page + 1) * pageSize).flatMap((row) => rowElements(row)),
    );
    const from = rows.length ? page * pageSize + 1 : 0;
    clear(
      pager,
      h("button", { type: "button", disabled: page === 0, onclick: () => ((page -= 1), render()) }, t.previous),
      h("span", {}, t.page(from, Math.min(rows.length, (page + 1) * pageSize), rows.length)),
      h("button", { type: "button", disabled: (page + 1) * pageSize >= rows.length, onclick: () => ((page += 1), render()) }, t.next),
    );
  };

  const fix = (row: PreviewRow, header: string, value: string | null): void => {
    (decisions.fixes[String(row.line)] ??= {})[header] = value;
    onEdited();
  };

  const rowElements = (row: PreviewRow): HTMLElement[] => {
    const dropped = decisions.drop.includes(row.line);
    const cells = shown.map((column) => {
      const value = row.cells[column.index];
      const issues = row.problems.filter((p) => p.column === column.header);
      const notes = row.notes.filter((n) => n.column === column.header);
      if (issues.length === 0)
        return h(
          "td",
          {},
          value ?? "",
          notes.map((n) => h("div", { className: "cell-note muted" }, wordIssue(n, lang))),
        );
      const input = h("input", {
        type: "text",
        value: value ?? "",
        "aria-label": `${t.line} ${row.line}, ${column.header}`,
        "aria-invalid": "true",
        onchange: () => fix(row, column.header, input.value.trim() || null),
      });
      const candidates = issues
        .flatMap((p) => (p.params.candidates as (PlaceCandidate | string)[] | undefined) ?? [])
        .filter((c): c is PlaceCandidate => typeof c === "object");
      return h(
        "td",
        { className: "cell-problem" },
        input,
        issues.map((p) => h("div", { className: "field-error" }, wordIssue(p, lang))),
        candidates.length
          ? h(
              "div",
              { className: "candidates" },
              `${t.meant} `,
              candidates.slice(0, 6).map((c) =>
                h(
                  "button",
                  {
                    type: "button",
                    className: "candidate",
                    onclick: () => ((input.value = `${c.name} (${c.departement})`), fix(row, column.header, input.value)),
                  },
                  c.label,
                ),
              ),
            )
          : null,
      );
    });
    const rowIssues = row.problems.filter((p) => p.column === null).concat(row.notes.filter((n) => n.column === null));
    const main = h(
      "tr",
      { className: `action-${row.action}${dropped ? " dropped" : ""}`, dataset: { line: String(row.line), action: row.action } },
      h("th", { scope: "row" }, String(row.line)),
      h(
        "td",
        {},
        h("span", { className: `badge ${row.action}` }, t.actions[row.action]),
        rowIssues.map((p) => h("div", { className: "cell-note" }, wordIssue(p, lang))),
      ),
      ...cells,
      h("td", {}, entityCell(row, lang)),
      h(
        "td",
        {},
        h(
          "button",
          {
            type: "button",
            className: "drop-row",
            onclick: () => {
              decisions.drop = dropped ? decisions.drop.filter((l) => l !== row.line) : [...decisions.drop, row.line];
              onEdited();
              render();
            },
          },
          dropped ? t.keep : t.drop,
        ),
      ),
    );
    const extra =
      row.action === "decide"
        ? decideRow(row, shown.length + 4)
        : row.action === "update" && row.changes.length
          ? changesRow(row, shown.length + 4)
          : undefined;
    return extra ? [main, extra] : [main];
  };

  const decideRow = (row: PreviewRow, span: number): HTMLElement => {
    const name = `decide-${row.line}`;
    const choose = (slug: string | null) => {
      decisions.matches[String(row.line)] = slug;
      onEdited();
    };
    return h(
      "tr",
      { className: "decide-detail" },
      h(
        "td",
        { colSpan: span },
        h(
          "div",
          { className: "side-by-side" },
          h(
            "div",
            {},
            h("strong", {}, t.inFile),
            h(
              "dl",
              {},
              Object.entries(row.values).flatMap(([k, v]) => [
                h("dt", {}, propertyName(k, lang, labelOf[preview.kind])),
                h("dd", {}, typeof v === "string" ? valueName(labelOf[preview.kind], k, v, lang) : show(v)),
              ]),
            ),
          ),
          ...row.alternatives.map((m) =>
            h(
              "div",
              {},
              h("strong", {}, `${t.inGraph} : ${m.name}`),
              h(
                "dl",
                {},
                Object.entries(m.props)
                  .filter(([k]) => !["slug", "location", "locationPrecision", "locationApproximate"].includes(k))
                  .flatMap(([k, v]) => [
                    h("dt", {}, propertyName(k, lang, labelOf[preview.kind])),
                    h("dd", {}, typeof v === "string" ? valueName(labelOf[preview.kind], k, v, lang) : show(v)),
                  ]),
              ),
              m.place ? h("p", { className: "muted" }, m.place) : null,
              h("label", {}, h("input", { type: "radio", name, onchange: () => choose(m.slug) }), ` ${t.sameAs(m.name)}`),
            ),
          ),
        ),
        h("label", {}, h("input", { type: "radio", name, onchange: () => choose(null) }), ` ${t.another}`),
      ),
    );
  };

  const changesRow = (row: PreviewRow, span: number): HTMLElement =>
    h(
      "tr",
      { className: "update-detail" },
      h(
        "td",
        { colSpan: span },
        h(
          "ul",
          { className: "diff" },
          row.changes.map((c) =>
            h(
              "li",
              {},
              `${propertyName(c.property, lang, labelOf[preview.kind])} : `,
              h("del", {}, typeof c.before === "string" ? valueName(labelOf[preview.kind], c.property, c.before, lang) : show(c.before)),
              " → ",
              h("ins", {}, typeof c.after === "string" ? valueName(labelOf[preview.kind], c.property, c.after, lang) : show(c.after)),
            ),
          ),
        ),
      ),
    );

  render();
  return h(
    "section",
    { className: "import-preview" },
    h("h3", {}, t.preview),
    h("p", { id: "import-counts" }, t.counts(preview.counts)),
    preview.territories.length
      ? h(
          "p",
          { className: "muted" },
          `${t.newPlaces(preview.territories.length)} : ${preview.territories
            .slice(0, 12)
            .map((p) => p.name)
            .join(", ")}${preview.territories.length > 12 ? "…" : ""}`,
        )
      : null,
    tabs,
    h(
      "div",
      { className: "import-table-wrap" },
      h(
        "table",
        { className: "import-rows" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t.line),
            h("th", { scope: "col" }, t.action),
            ...shown.map((c) => h("th", { scope: "col" }, c.header)),
            h("th", { scope: "col" }, t.entity),
            h("th", {}),
          ),
        ),
        body,
      ),
    ),
    pager,
  );
}

function entityCell(row: PreviewRow, lang: Lang): Node | string {
  const t = locales[lang].importing;
  if (!row.entity) return "";
  if (row.match?.row !== undefined && row.action === "same-as-row") return t.sameAsRow(row.match.row);
  const where = row.place ? ` — ${row.place.name}` : "";
  return h("span", {}, h("code", {}, row.entity.slug), where);
}

function show(value: unknown): string {
  return value === null || value === undefined ? "∅" : Array.isArray(value) ? value.join(" ; ") : String(value);
}
