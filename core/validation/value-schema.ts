import { z } from "zod";
import type { ValueType } from "../model/index.ts";

/**
 * A zod schema for each value type of the model: what the seed loader, the imports and (next) the
 * editing forms accept. Each refusal says what was expected and what was given.
 */
export function valueSchema(type: ValueType): z.ZodType {
  let schema = schemas.get(type);
  if (!schema) schemas.set(type, (schema = build(type)));
  return schema;
}
const schemas = new WeakMap<ValueType, z.ZodType>();

/** Why `value` does not fit `type`, or undefined when it does. */
export function checkValue(value: unknown, type: ValueType): string | undefined {
  const result = valueSchema(type).safeParse(value);
  if (result.success) return undefined;
  // Keys that do not belong say most about a malformed map; report them before what is missing.
  const issue = result.error.issues.find((i) => i.code === "unrecognized_keys") ?? result.error.issues[0]!;
  return issue.message;
}

function build(type: ValueType): z.ZodType {
  const expected = (what: string) => ({ error: (issue: { input: unknown }) => `expected ${what}, got ${describe(issue.input)}` });
  switch (type.type) {
    case "string": {
      const line = z
        .string(expected("text"))
        .refine((s) => s.trim() !== "", expected("text"))
        .refine((s) => !s.includes("\n"), { error: "expected one line of text" });
      const pattern = type.pattern;
      return pattern ? line.refine((s) => pattern.regex.test(s), expected(pattern.expected)) : line;
    }
    case "text":
      return z.string(expected("text")).refine((s) => s.trim() !== "", expected("text"));
    case "int":
      return range(z.int(expected("a whole number")), type.min, type.max);
    case "float":
      return range(z.number(expected("a number")), type.min, type.max);
    case "year":
      return z.int(expected("a year such as 2023")).min(1900, expected("a year such as 2023")).max(2100, expected("a year such as 2023"));
    case "date":
      return z.union([z.string(), z.int()], expected("a date as YYYY, YYYY-MM or YYYY-MM-DD")).superRefine((value, context) => {
        const problem = checkDate(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      });
    case "enum":
      return z.enum(type.values as [string, ...string[]], expected(`one of ${type.values.join(", ")}`));
    case "strings": {
      const item = { error: "expected a list of texts, got a list" }; // an item is wrong: the list is what the file gave
      return z
        .array(
          z.string(item).refine((s) => s.trim() !== "", item),
          expected("a list of texts"),
        )
        .min(1, expected("a list of texts"));
    }
    case "url":
      return z
        .string(expected("a web address starting with https://"))
        .regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, expected("a web address starting with https://"));
    case "boolean":
      return z.boolean(expected("true or false"));
    case "location": {
      const between = (axis: string, limit: number) => ({
        error: (issue: { input: unknown }) => `${axis} ${describe(issue.input)} is not between -${limit} and ${limit}`,
      });
      return z.strictObject(
        {
          latitude: z.number(between("latitude", 90)).min(-90, between("latitude", 90)).max(90, between("latitude", 90)),
          longitude: z.number(between("longitude", 180)).min(-180, between("longitude", 180)).max(180, between("longitude", 180)),
        },
        {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `unexpected ${issue.keys.join(", ")} in a location; expected { latitude, longitude }`
              : `expected { latitude, longitude }, got ${describe(issue.input)}`,
        },
      );
    }
  }
}

function range(schema: z.ZodNumber, min: number | undefined, max: number | undefined): z.ZodNumber {
  let ranged = schema;
  if (min !== undefined) ranged = ranged.min(min, { error: (issue) => `${issue.input} is below ${min}` });
  if (max !== undefined) ranged = ranged.max(max, { error: (issue) => `${issue.input} is above ${max}` });
  return ranged;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Dates as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD, and no impossible month or day. */
function checkDate(value: string | number): string | undefined {
  const text = String(value);
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(value)}`;
  const month = match[2] ? Number(match[2]) : 1;
  const day = match[3] ? Number(match[3]) : 1;
  if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
  const year = Number(match[1]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > (month === 2 && !leap ? 28 : daysInMonth[month - 1]!)) return `"${text}" has no day ${day} in month ${month}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return String(value);
}
