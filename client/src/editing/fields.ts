import { locales } from "../../../core/locales/index.ts";
import type { Lang, Property } from "../../../core/model/index.ts";
import { h } from "../ui/dom.ts";

/** One input of a change form: its element, its value as the API takes it, its own check, where its errors go. */
export interface FormField {
  key: string; // the field of the change it fills: "operations[0].properties.name", "source.quote"
  element: HTMLElement;
  read(): unknown; // undefined when left empty
  check(): string | undefined; // what is wrong, in the page's language
  setError(message: string | undefined): void;
}

let counter = 0;
/** A labelled input with a slot for its error (aria-describedby), as every form of the page has it. */
export function labelled(label: string, input: HTMLElement, help?: string): { element: HTMLElement; error: HTMLElement } {
  const id = input.id || `field-${++counter}`;
  input.id = id;
  const error = h("span", { className: "field-error", id: `${id}-error`, role: "alert" });
  input.setAttribute("aria-describedby", `${id}-error`);
  input.addEventListener("input", () => {
    error.textContent = ""; // a field being corrected no longer shows its old problem
    input.removeAttribute("aria-invalid");
  });
  const element = h(
    "div",
    { className: "field" },
    h("label", { for: id }, label),
    input,
    help ? h("small", { className: "muted" }, help) : null,
    error,
  );
  return { element, error };
}

export function errorSetter(error: HTMLElement, input: HTMLElement): (message: string | undefined) => void {
  return (message) => {
    error.textContent = message ?? "";
    input.setAttribute("aria-invalid", String(Boolean(message)));
  };
}

/**
 * The input the model's value type asks for: text, a text area, a number, a list of choices (the
 * enum's values in the page's language), a check box, a list one item per line, a latitude and longitude.
 */
export function propertyField(key: string, name: string, property: Property, value: unknown, lang: Lang, required: boolean): FormField {
  const t = locales[lang].edit;
  const label = `${property.names[lang]}${required ? " *" : ""}`;
  let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  let read: () => unknown;
  switch (property.type) {
    case "text":
    case "strings": {
      const text = Array.isArray(value) ? value.join("\n") : value === undefined || value === null ? "" : String(value);
      input = h("textarea", { name, rows: property.type === "text" ? 3 : 2 }, text);
      read = () => {
        const raw = (input as HTMLTextAreaElement).value.trim();
        if (!raw) return undefined;
        return property.type === "strings"
          ? raw
              .split(/\n+/)
              .map((line) => line.trim())
              .filter(Boolean)
          : raw;
      };
      break;
    }
    case "enum":
      input = h(
        "select",
        { name },
        h("option", { value: "" }, "—"),
        property.values.map((v) => h("option", { value: v, selected: v === value }, property.words[v]?.[lang] ?? v)),
      );
      read = () => (input as HTMLSelectElement).value || undefined;
      break;
    case "boolean": {
      const box = h("input", { type: "checkbox", name, checked: value === true });
      const { element, error } = labelled(label, box);
      element.classList.add("checkbox");
      return { key, element, read: () => box.checked, check: () => undefined, setError: errorSetter(error, box) };
    }
    case "location": {
      const point = (value ?? {}) as { latitude?: number; longitude?: number };
      const lat = h("input", {
        type: "number",
        step: "any",
        name: `${name}-latitude`,
        value: point.latitude ?? "",
        placeholder: "latitude",
      });
      const lon = h("input", {
        type: "number",
        step: "any",
        name: `${name}-longitude`,
        value: point.longitude ?? "",
        placeholder: "longitude",
      });
      const { element, error } = labelled(label, h("span", { className: "pair" }, lat, lon));
      return {
        key,
        element,
        read: () => (lat.value && lon.value ? { latitude: Number(lat.value), longitude: Number(lon.value) } : undefined),
        check: () => (Boolean(lat.value) !== Boolean(lon.value) ? t.invalidNumber : undefined),
        setError: errorSetter(error, lat),
      };
    }
    default: {
      const numeric = property.type === "int" || property.type === "float" || property.type === "year";
      input = h("input", {
        type: numeric ? "number" : property.type === "url" ? "url" : "text",
        name,
        value: value === undefined || value === null ? "" : String(value),
        ...(numeric ? { step: property.type === "float" ? "any" : "1" } : {}),
        ...(property.type === "date" ? { placeholder: "AAAA-MM-JJ", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" } : {}),
      });
      read = () => {
        const raw = (input as HTMLInputElement).value.trim();
        if (!raw) return undefined;
        return numeric ? Number(raw) : raw;
      };
    }
  }
  const { element, error } = labelled(label, input);
  const check = (): string | undefined => {
    const v = read();
    if (v === undefined) return required ? t.required : undefined;
    if (typeof v === "number" && !Number.isFinite(v)) return t.invalidNumber;
    if ((property.type === "int" || property.type === "year") && typeof v === "number" && !Number.isInteger(v)) return t.invalidNumber;
    if ((property.type === "int" || property.type === "float") && typeof v === "number" && property.min !== undefined && v < property.min)
      return t.invalidNumber;
    if (property.type === "url" && !/^https?:\/\/\S+\.\S+$/.test(String(v))) return t.invalidUrl;
    if (property.type === "date" && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(v))) return t.invalidDate;
    return undefined;
  };
  return { key, element, read, check, setError: errorSetter(error, input) };
}
