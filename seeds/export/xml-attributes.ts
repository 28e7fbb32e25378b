import { XMLBuilder } from "fast-xml-parser";
import {
  labels,
  propertiesOf,
  provenanceRelationship,
  relationshipPropertiesOf,
  relationshipTypes,
  type Property,
} from "../../core/model/index.ts";

export type AttributeType = "string" | "int" | "double" | "boolean";

function attributeType(property: Property): AttributeType {
  if (property.type === "int" || property.type === "year") return "int";
  if (property.type === "float") return "double";
  if (property.type === "boolean") return "boolean";
  return "string";
}

/**
 * The typed attributes of the graph tools' formats (GraphML keys, GEXF attributes): every property of
 * the model, so that a property added to it is a column even before any entity has it, then what the
 * rows hold besides, typed by their values.
 */
export function nodeAttributeTypes(rows: Record<string, unknown>[]): Map<string, AttributeType> {
  const declared = new Map<string, AttributeType>([
    ["type", "string"],
    ["label", "string"],
  ]);
  for (const label of labels) {
    for (const [name, property] of Object.entries(propertiesOf(label))) {
      if (name === "location") {
        declared.set("latitude", "double");
        declared.set("longitude", "double");
      } else if (!declared.has(name)) declared.set(name, attributeType(property));
    }
  }
  return withObserved(declared, rows);
}

export function edgeAttributeTypes(rows: Record<string, unknown>[]): Map<string, AttributeType> {
  const declared = new Map<string, AttributeType>([["type", "string"]]);
  for (const type of relationshipTypes)
    for (const [name, property] of Object.entries(relationshipPropertiesOf(type)))
      if (!declared.has(name)) declared.set(name, attributeType(property));
  for (const [name, property] of Object.entries(provenanceRelationship.properties))
    if (!declared.has(name)) declared.set(name, attributeType(property));
  return withObserved(declared, rows);
}

/** Properties the model does not declare (written around the app's tools): typed by the values they hold. */
function withObserved(declared: Map<string, AttributeType>, rows: Record<string, unknown>[]): Map<string, AttributeType> {
  const types = new Map(declared);
  const observed = new Map<string, AttributeType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (declared.has(name) || value === null || value === undefined) continue;
      const type: AttributeType =
        typeof value === "boolean" ? "boolean" : typeof value === "number" ? (Number.isInteger(value) ? "int" : "double") : "string";
      const previous = observed.get(name);
      observed.set(
        name,
        !previous || previous === type ? type : [previous, type].every((t) => t === "int" || t === "double") ? "double" : "string",
      );
    }
  }
  for (const [name, type] of observed) types.set(name, type);
  return types;
}

/** A value as text in an attribute: lists joined, maps as JSON, characters XML cannot hold left out. */
export function attributeValue(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(" | ")
    : typeof value === "object" && value !== null
      ? JSON.stringify(value)
      : String(value);
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
});

/** A document written as { element: { "@attribute": …, child: […], "#text": … } }, as XML (fast-xml-parser escapes it). */
export function toXml(document: Record<string, unknown>): string {
  return builder.build(document) as string;
}
