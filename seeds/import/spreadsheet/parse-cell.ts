import { enums, type Property } from "../../../core/model/index.ts";
import { foldText } from "../../../core/text/normalize.ts";
import { checkValue } from "../../../core/validation/value-schema.ts";
import { monthYear } from "../../extract/fiche-text.ts";

/** Why a cell's value is not one of its property's: the page words it from `reason` and `params`. */
export interface CellValueProblem {
  reason: "bad-value" | "unknown-value";
  message: string; // English
  params: { value: string; expected?: string; allowed?: string[] };
}

/** A value read differently from how it is written, said so that the reviewer sees it. */
export interface CellValueNote {
  reason: "https-added" | "siret" | "legal-form" | "joined-lines";
  message: string;
  params: Record<string, string>;
}

export type ParsedCell = { value: unknown; notes: CellValueNote[] } | { problem: CellValueProblem };

/**
 * A cell as its property's value, read the way French spreadsheets write it: "4 261" and "11,3",
 * "03/2024" and "mars 2024", "oui", "www.site.fr", a SIRET for a SIREN, a kind as people name it
 * ("SCOP", "asso": the model's `also` lists). The result is then checked by the model's own rules.
 */
export function parseCell(raw: string, property: Property): ParsedCell {
  const notes: CellValueNote[] = [];
  const text = raw.trim();
  let value: unknown = text;
  switch (property.type) {
    case "int":
    case "year": {
      const digits = text.replace(/[\s\u00a0\u202f]/g, "").replace(/[.,]0+$/, "");
      value = /^-?\d+$/.test(digits) ? Number(digits) : text;
      break;
    }
    case "float": {
      const number = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      value = /^-?\d+(\.\d+)?$/.test(number) ? Number(number) : text;
      break;
    }
    case "boolean": {
      const folded = foldText(text);
      value = ["oui", "vrai", "true", "x", "1", "yes"].includes(folded)
        ? true
        : ["non", "faux", "false", "0", "no"].includes(folded)
          ? false
          : text;
      break;
    }
    case "date":
      value = readDate(text);
      break;
    case "url":
      if (/^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text) && !/^https?:\/\//i.test(text)) {
        value = `https://${text}`;
        notes.push({ reason: "https-added", message: `read as ${String(value)}`, params: { value: String(value) } });
      }
      break;
    case "strings":
      value = text
        .split(/\s*[;|\n]\s*/)
        .map((item) => item.trim())
        .filter(Boolean);
      break;
    case "enum": {
      const found = enumValue(text, property);
      if (!found)
        return {
          problem: {
            reason: "unknown-value",
            message: `"${text}" is not one of ${property.values.join(", ")}`,
            params: { value: text, allowed: [...property.values] },
          },
        };
      value = found;
      break;
    }
    case "string":
      if (text.includes("\n")) {
        value = text.replace(/\s*\n\s*/g, " ");
        notes.push({ reason: "joined-lines", message: "its lines were joined", params: {} });
      }
      if (property.pattern?.name === "siren") {
        // A SIREN: spaces aside, and a SIRET's first nine digits.
        const digits = String(value).replace(/[\s.\u00a0\u202f]/g, "");
        value = /^\d{14}$/.test(digits) ? digits.slice(0, 9) : /^\d{9}$/.test(digits) ? digits : value;
        if (/^\d{14}$/.test(digits))
          notes.push({ reason: "siret", message: `a SIRET: its SIREN ${String(value)} is kept`, params: { value: String(value) } });
      }
      break;
    case "text":
    case "location":
      break;
  }
  const error = checkValue(value, property);
  if (error)
    return {
      problem: {
        reason: "bad-value",
        message: error,
        params: { value: text, expected: property.type === "string" && property.pattern ? property.pattern.name : property.type },
      },
    };
  return { value, notes };
}

/** An enumerated value from how it is written: its key, its names, or what the model says people also write. */
export function enumValue(text: string, property: Extract<Property, { type: "enum" }>): string | undefined {
  const wanted = foldKey(text);
  for (const value of property.values) {
    const words = property.words[value]!;
    const also = property.also?.[value] ?? [];
    if ([value, words.fr, words.en, ...also].some((written) => foldKey(written) === wanted)) return value;
  }
  return undefined;
}

/** "SCOP" → the legal form to keep beside the kind it gives (enums.legalForms), or undefined. */
export function legalFormOf(text: string): string | undefined {
  return enums.legalForms.find((form) => foldKey(form) === foldKey(text));
}

const foldKey = (text: string) =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** "2024", "03/2024", "01/03/2024", "2024-03-01T00:00:00", "mars 2024" → as precise as written. */
function readDate(text: string): string | number {
  let match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+Z?)?$/.exec(text);
  if (match) return [match[1], match[2], match[3]].filter(Boolean).join("-");
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  match = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return `${match[2]}-${match[1]!.padStart(2, "0")}`;
  return monthYear(text) && /^\s*\S+\s+\d{4}\s*$/.test(text) ? monthYear(text)! : text;
}
