/** Text safe inside an XML attribute or element. */
export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

export type AttributeType = "string" | "int" | "double" | "boolean";

/** One attribute per property name, typed by the values it holds (mixed or lists: string). */
export function attributeTypes(rows: Record<string, unknown>[]): Map<string, AttributeType> {
  const types = new Map<string, AttributeType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (value === null || value === undefined) continue;
      const type: AttributeType = typeof value === "boolean" ? "boolean" : typeof value === "number" ? (Number.isInteger(value) ? "int" : "double") : "string";
      const previous = types.get(name);
      if (!previous) types.set(name, type);
      else if (previous !== type) types.set(name, previous === "int" && type === "double" ? "double" : previous === "double" && type === "int" ? "double" : "string");
    }
  }
  return types;
}

export function attributeValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(" | ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}
