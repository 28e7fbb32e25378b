import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import type { SourceInfo, SourceInput } from "../api/types.ts";
import { h } from "../ui/dom.ts";
import { errorSetter, labelled, type FormField } from "./fields.ts";

/**
 * "No change without a source", in the form: a source the graph knows (offered first), a new
 * document with its quoted sentence, or a first-hand statement (who, when). Its fields carry the
 * keys the API names in its problems ("source.quote", "source.document.title"…).
 */
export function sourceFieldset(
  lang: Lang,
  sources: SourceInfo[],
  who: string | null,
): { element: HTMLElement; fields: FormField[]; read(): SourceInput } {
  const t = locales[lang].edit;
  const today = new Date().toISOString().slice(0, 10);
  const group = `source-kind-${Math.random().toString(36).slice(2, 8)}`;
  const choices = (["existing", "document", "statement"] as const).filter((c) => c !== "existing" || sources.length > 0);
  const radios = choices.map((choice, index) =>
    h("input", { type: "radio", name: group, value: choice, checked: index === 0, id: `${group}-${choice}` }),
  );
  const words = { existing: t.sourceExisting, document: t.sourceDocument, statement: t.sourceStatement };
  const chooser = h(
    "div",
    { className: "source-kinds", role: "radiogroup", "aria-label": t.source },
    radios.map((radio, i) => h("label", { for: radio.id }, radio, ` ${words[choices[i]!]}`)),
  );

  const select = h(
    "select",
    { name: "source-slug" },
    sources.map((s) => h("option", { value: s.slug }, `${s.title} — ${s.publisher}`)),
  );
  const text = (name: string, value = "", type = "text") => h("input", { type, name, value });
  const title = text("document-title");
  const publisher = text("document-publisher");
  const year = text("document-year", "", "number");
  const url = text("document-url", "", "url");
  const by = text("statement-by", who ?? "");
  const on = text("statement-on", today);
  const quote = h("textarea", { name: "source-quote", rows: 3 });

  const field = (key: string, label: string, input: HTMLElement, needed: () => boolean): FormField => {
    const { element, error } = labelled(label, input);
    const read = () => (input as HTMLInputElement).value.trim() || undefined;
    return { key, element, read, check: () => (needed() && !read() ? t.required : undefined), setError: errorSetter(error, input) };
  };
  const chosen = () => (radios.find((r) => r.checked)?.value ?? "statement") as (typeof choices)[number];
  const parts = {
    existing: [field("source.slug", t.sourceExisting, select, () => chosen() === "existing")],
    document: [
      field("source.document.title", `${t.documentTitle} *`, title, () => chosen() === "document"),
      field("source.document.publisher", `${t.documentPublisher} *`, publisher, () => chosen() === "document"),
      field("source.document.year", t.documentYear, year, () => false),
      field("source.document.url", t.documentUrl, url, () => false),
    ],
    statement: [
      field("source.statement.by", `${t.statementBy} *`, by, () => chosen() === "statement"),
      field("source.statement.on", `${t.statementOn} *`, on, () => chosen() === "statement"),
    ],
  };
  const quoteField = field("source.quote", t.quote, quote, () => chosen() === "document");
  const sections = Object.fromEntries(
    Object.entries(parts).map(([kind, fields]) => [
      kind,
      h(
        "div",
        { className: `source-${kind}` },
        fields.map((f) => f.element),
      ),
    ]),
  ) as Record<string, HTMLElement>;
  const show = () => {
    for (const [kind, section] of Object.entries(sections)) section.hidden = kind !== chosen();
  };
  radios.forEach((radio) => radio.addEventListener("change", show));
  show();
  const sourceProblem = h("span", { className: "field-error", role: "alert" });
  const element = h(
    "fieldset",
    { className: "source" },
    h("legend", {}, `${t.source} *`),
    chooser,
    Object.values(sections),
    quoteField.element,
    sourceProblem,
  );
  const whole: FormField = {
    key: "source",
    element: chooser,
    read: () => undefined,
    check: () => undefined,
    setError: (message) => void (sourceProblem.textContent = message ?? ""),
  };
  return {
    element,
    fields: [whole, ...Object.values(parts).flat(), quoteField],
    read: (): SourceInput => {
      const q = quoteField.read() as string | undefined;
      const value = (f: FormField) => f.read() as string | undefined;
      const kind = chosen();
      if (kind === "existing") return { slug: value(parts.existing[0]!), ...(q ? { quote: q } : {}) };
      if (kind === "document") {
        const [ti, pu, ye, ur] = parts.document;
        const y = value(ye!);
        return {
          document: {
            title: value(ti!) ?? "",
            publisher: value(pu!) ?? "",
            ...(y ? { year: Number(y) } : {}),
            ...(value(ur!) ? { url: value(ur!) } : {}),
          },
          ...(q ? { quote: q } : {}),
        };
      }
      return { statement: { by: value(parts.statement[0]!) ?? "", on: value(parts.statement[1]!) ?? "" }, ...(q ? { quote: q } : {}) };
    },
  };
}
