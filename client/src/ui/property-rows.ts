import { locales } from "../../../core/locales/index.ts";
import { propertiesOf, type Label, type Lang, type Property, type PropertyName } from "../../../core/model/index.ts";
import { h } from "./dom.ts";

/** Shown in rows of their own, not in the model's order: where it is, and the initiative's page. */
const location: PropertyName<"Territory" | "Ally"> = "location";
const pageTitle: PropertyName<"Initiative"> = "pageTitle";
const pageUrl: PropertyName<"Initiative"> = "pageUrl";

/**
 * The rows of the details panel's table: every property the model gives the kind, in the model's
 * order, named and formatted in the page's language (hidden ones aside), then the position and the
 * initiative's page. A property added to the model appears here with no other change.
 */
export function propertyRows(label: Label, data: Readonly<Record<string, unknown>>, lang: Lang): HTMLElement[] {
  const t = locales[lang].ui;
  const properties = propertiesOf(label);
  const rows: HTMLElement[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const value = data[name];
    if (property.hidden || value === undefined || value === null || value === "") continue;
    const minimum = Object.entries(properties).find(([, p]) => p.minimumOf === name);
    const shown = formatValue(property, value, lang);
    rows.push(h("dt", {}, property.names[lang]), h("dd", {}, minimum && data[minimum[0]] === true ? t.moreThan(String(shown)) : shown));
  }
  if (location in properties && typeof data.latitude === "number" && typeof data.longitude === "number") {
    const how =
      data.locationApproximate === true
        ? ` (${t.approximate})`
        : String(data.locationPrecision ?? "").startsWith("based-in")
          ? ` (${t.whereBased})`
          : "";
    rows.push(
      h("dt", {}, properties[location]!.names[lang]),
      h("dd", {}, `${data.latitude.toFixed(3)} N, ${data.longitude.toFixed(3)} E${how}`),
    );
  }
  if (pageTitle in properties && data[pageTitle]) {
    const page = data[pageUrl]
      ? h("a", { href: String(data[pageUrl]), target: "_blank", rel: "noopener" }, `« ${data[pageTitle]} »`)
      : h("span", {}, `« ${data[pageTitle]} » `, h("span", { className: "muted" }, t.initiativePageNoLink));
    rows.push(h("dt", {}, t.initiativePage), h("dd", {}, page));
  }
  return rows;
}

/** A value as the page shows it: lists joined, numbers in the page's format (years as they are), values named. */
function formatValue(property: Property, value: unknown, lang: Lang): string | HTMLElement {
  const t = locales[lang].ui;
  if (Array.isArray(value)) return value.join(" ; ");
  switch (property.type) {
    case "enum":
      return property.words[String(value)]?.[lang] ?? String(value);
    case "int":
    case "float":
      return typeof value === "number" ? t.number(value) : String(value);
    case "boolean":
      return value ? t.yes : t.no;
    case "url":
      return h("a", { href: String(value), target: "_blank", rel: "noopener" }, String(value));
    default:
      return String(value); // text, dates and years as the source gives them
  }
}
