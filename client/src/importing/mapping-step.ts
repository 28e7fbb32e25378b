import type { ImportPreview } from "../../../core/import-preview.ts";
import { locales } from "../../../core/locales/index.ts";
import { columnTargets } from "../../../core/model/column-targets.ts";
import { entityKinds, labelOf, type Kind, type Lang } from "../../../core/model/index.ts";
import { h } from "../ui/dom.ts";

const rowKinds: Kind[] = ["ally", "territory", "initiative", "person"];

/**
 * The mapping step: the kind of the rows, the saved mapping used (or none), and every column of the
 * file with what it becomes — a select per column, its first values to recognise it, and the columns
 * not imported shown as such. Changing anything calls `onChange`; the preview is then asked again.
 */
export function mappingStep(
  preview: ImportPreview,
  savedMappings: string[],
  lang: Lang,
  onChange: (change: { kind?: Kind; mapping?: string | undefined; choice?: { header: string; target: string | null } }) => void,
): HTMLElement {
  const t = locales[lang].importing;
  const kind = h(
    "select",
    { id: "import-kind", onchange: () => onChange({ kind: kind.value as Kind }) },
    rowKinds.map((k) => h("option", { value: k, selected: k === preview.kind }, entityKinds[labelOf[k]].plural[lang].toLowerCase())),
  );
  const saved = h(
    "select",
    { id: "import-mapping", onchange: () => onChange({ mapping: saved.value || undefined }) },
    h("option", { value: "" }, t.noSavedMapping),
    savedMappings.map((name) => h("option", { value: name, selected: preview.mapping.name === name }, name)),
  );
  const targets = columnTargets(preview.kind);
  const groups = [...new Set(targets.map((target) => target.group))];
  const rows = preview.columns.map((column) => {
    const select = h(
      "select",
      {
        "aria-label": `${t.becomes} : ${column.header}`,
        dataset: { header: column.header },
        onchange: () => onChange({ choice: { header: column.header, target: select.value || null } }),
      },
      h("option", { value: "", selected: column.target === null }, column.how === "personal-data" ? t.personalData : t.notImported),
      groups.map((group) =>
        h(
          "optgroup",
          { label: t.groups[group] ?? group },
          targets
            .filter((target) => target.group === group)
            .map((target) => h("option", { value: target.key, selected: column.target === target.key }, target.names[lang])),
        ),
      ),
    );
    return h(
      "tr",
      { className: column.target === null ? "unmapped" : "" },
      h("th", { scope: "row" }, column.header),
      h("td", {}, select, column.how && column.target ? h("span", { className: "muted how" }, ` ${t.how[column.how] ?? ""}`) : null),
      h("td", { className: "samples" }, column.samples.join(" · ")),
    );
  });
  return h(
    "section",
    { className: "import-mapping" },
    h("h3", {}, t.columns),
    h("p", { className: "muted", id: "mapping-from" }, t.mappingFrom(preview.mapping.how, preview.mapping.name)),
    h("div", { className: "import-choices" }, h("label", {}, `${t.kind} `, kind), h("label", {}, `${t.savedMappings} `, saved)),
    h(
      "table",
      { className: "import-columns" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", { scope: "col" }, t.column), h("th", { scope: "col" }, t.becomes), h("th", { scope: "col" }, t.samples)),
      ),
      h("tbody", {}, rows),
    ),
  );
}
