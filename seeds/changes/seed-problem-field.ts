import type { ChangeInput, FieldProblem } from "./change-input.ts";

/**
 * Where a seed-loader problem belongs in the change, and its reason for the page: a missing
 * property or a quote not found is reported at its entity's first line, not at the field.
 */
export function placeSeedProblem(message: string, field: string, input: ChangeInput): Pick<FieldProblem, "field" | "reason" | "params"> {
  const operation = /^operations\[(\d+)\]/.exec(field);
  const missing = /is missing "(\w+)"/.exec(message);
  if (missing && operation)
    return { field: `${operation[0]}.properties.${missing[1]}`, reason: "required", params: { property: missing[1]! } };
  if (/^quote not found/.test(message)) {
    const op = operation ? input.operations[Number(operation[1])] : undefined;
    const own = op && (op.quote || op.quotes?.length);
    return { field: own && operation ? `${operation[0]}.quote` : "source.quote", reason: "quote-not-found" };
  }
  const official = /the COG calls \S+ "([^"]+)"/.exec(message);
  if (official) return { field, reason: "cog-name", params: { official: official[1]! } };
  if (/: (expected |.* is (below|above) |"[^"]*" has no )/.test(message)) return { field, reason: "invalid-value" };
  return { field };
}
