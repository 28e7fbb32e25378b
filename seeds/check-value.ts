import type { ValueType } from "../core/model/index.ts";

/** Why `value` does not fit `type`, or undefined when it does. */
export function checkValue(value: unknown, type: ValueType): string | undefined {
  switch (type.type) {
    case "string":
      if (typeof value !== "string" || value.trim() === "") return `expected text, got ${describe(value)}`;
      if (/\n/.test(value)) return "expected one line of text";
      return undefined;
    case "text":
      return typeof value === "string" && value.trim() !== "" ? undefined : `expected text, got ${describe(value)}`;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) return `expected a whole number, got ${describe(value)}`;
      return checkRange(value, type.min, type.max);
    case "float":
      if (typeof value !== "number" || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
      return checkRange(value, type.min, type.max);
    case "year":
      return typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 2100 ? undefined : `expected a year such as 2023, got ${describe(value)}`;
    case "date":
      return checkDate(value);
    case "enum":
      return typeof value === "string" && type.values.includes(value) ? undefined : `expected one of ${type.values.join(", ")}, got ${describe(value)}`;
    case "strings":
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item.trim() !== "")
        ? undefined
        : `expected a list of texts, got ${describe(value)}`;
    case "url":
      return typeof value === "string" && /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value) ? undefined : `expected a web address starting with https://, got ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `expected true or false, got ${describe(value)}`;
    case "location":
      return checkLocation(value);
  }
}

function checkRange(value: number, min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && value < min) return `${value} is below ${min}`;
  if (max !== undefined && value > max) return `${value} is above ${max}`;
  return undefined;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkDate(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  const match = typeof text === "string" ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text) : null;
  if (!match) return `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(value)}`;
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
  if (day < 1 || day > daysInMonth[month - 1]!) return `"${text}" has no day ${day} in month ${month}`;
  return undefined;
}

function checkLocation(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `expected { latitude, longitude }, got ${describe(value)}`;
  const { latitude, longitude, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unexpected ${Object.keys(rest).join(", ")} in a location; expected { latitude, longitude }`;
  if (typeof latitude !== "number" || latitude < -90 || latitude > 90) return `latitude ${describe(latitude)} is not between -90 and 90`;
  if (typeof longitude !== "number" || longitude < -180 || longitude > 180) return `longitude ${describe(longitude)} is not between -180 and 180`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return String(value);
}
