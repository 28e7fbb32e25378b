import {
  connectionBaseColumns,
  connectionPropertyColumns,
  connectionTailColumns,
  elementBaseColumns,
  elementPropertyColumns,
  elementTailColumns,
  labelOfType,
  listSeparator,
} from "../export/kumu-layout.ts";
import { slugify } from "../../core/text/normalize.ts";
import { checkValue } from "../../core/validation/value-schema.ts";
import {
  derivedPropertyNames,
  entityKinds,
  givenPropertiesOf,
  isRelationshipType,
  relationshipKinds,
  slugPattern,
  type Label,
  type ValueType,
} from "../../core/model/index.ts";
import type { SeedEntity, SeedFile, SeedRelationship } from "../parse-seed-file.ts";
import type { Problem } from "../problem.ts";
import type { CellValue, Sheet } from "./read-kumu-file.ts";

// Columns Kumu uses for display, which carry no fact: read and ignored.
const kumuDisplayColumns = [
  "Image",
  "Layout",
  "Size",
  "Color",
  "Shape",
  "Weight",
  "Strength",
  "Delay",
  "Element Type",
  "Connection Type",
  "Direction",
];
// Columns a hand-made sheet may use to say where its facts come from.
const elementProvenanceColumns = ["Source", "Quotes", "Quote"];

/**
 * Turns Kumu's Elements and Connections sheets into a seed file, for the seed loader to validate
 * and write like any other. Problems point at the sheet and the row ("alliance.xlsx:Elements:12").
 */
export function kumuToSeedFile(elements: Sheet, connections: Sheet | undefined): SeedFile {
  const problems: Problem[] = [];
  const result: SeedFile = { file: elements.name, source: undefined, entities: [], relationships: [], problems };
  const propertyColumns = elementPropertyColumns();
  const known = new Set<string>([
    ...elementBaseColumns,
    ...propertyColumns,
    ...elementTailColumns,
    ...kumuDisplayColumns,
    ...elementProvenanceColumns,
  ]);
  for (const column of elements.header) {
    if (column && !known.has(column))
      problems.push({
        file: elements.name,
        line: 1,
        message: `unknown column "${column}"; known: ${[...elementBaseColumns, ...propertyColumns, "Source", "Quotes", "Provenance"].join(", ")}`,
      });
  }
  for (const required of ["Label", "Type"]) {
    if (!elements.header.includes(required)) problems.push({ file: elements.name, line: 1, message: `no "${required}" column` });
  }
  if (problems.length > 0) return result;
  for (const row of elements.rows) result.entities.push(...elementBlocks(elements.name, row.line, row.cells, problems));
  if (connections) result.relationships.push(...connectionRows(connections, problems));
  return result;
}

function elementBlocks(file: string, line: number, cells: Record<string, CellValue>, problems: Problem[]): SeedEntity[] {
  const report = (message: string): [] => {
    problems.push({ file, line, message });
    return [];
  };
  const label = labelOfType(String(cells.Type ?? ""));
  if (!label) return report(`Type "${cells.Type ?? ""}" is not one of ${Object.keys(entityKinds).join(", ")}`);
  const kind = { properties: givenPropertiesOf(label) };
  const name = text(cells.Label);
  if (!name) return report("Label is empty");
  const slug = slugFromId(text(cells.ID), label) ?? slugify(name);
  if (!slugPattern.test(slug)) return report(`ID "${cells.ID}" does not give a slug (lowercase words joined by hyphens)`);

  const props: Record<string, unknown> = {};
  const propLines: Record<string, number> = {};
  const nameProperty = entityKinds[label].nameProperty;
  props[nameProperty] = name;
  for (const [column, raw] of Object.entries(cells)) {
    if (raw === null || raw === "" || !(column in kind.properties) || column === nameProperty || column === "slug") continue;
    const type = kind.properties[column]!;
    const value = parseCell(raw, type);
    const error = checkValue(value, type);
    if (error) problems.push({ file, line, message: `${label} ${column}: ${error}` });
    else {
      props[column] = value;
      propLines[column] = line;
    }
  }
  for (const [column, raw] of Object.entries(cells)) {
    const derived = derivedPropertyNames.includes(column);
    if (raw !== null && raw !== "" && !(column in kind.properties) && propertyColumnsSet().has(column) && !derived) {
      problems.push({ file, line, message: `${label} has no property "${column}"` });
    }
  }
  // Kumu's own columns, when the model's are not filled: Tags for the kind, Description for the text.
  if (!props.kind && "kind" in kind.properties && text(cells.Tags)) props.kind = text(cells.Tags)!.split(/\s*[|,]\s*/)[0];
  const textProperty = "description" in kind.properties ? "description" : "summary" in kind.properties ? "summary" : undefined;
  if (textProperty && !props[textProperty] && text(cells.Description)) props[textProperty] = text(cells.Description);
  // A location of its own (a seed file gave it) travels in latitude and longitude; derived ones are rebuilt.
  if (cells.locationPrecision === "seed" && typeof cells.latitude !== "undefined" && "location" in kind.properties) {
    props.location = { latitude: Number(cells.latitude), longitude: Number(cells.longitude) };
  }

  const block = (source: string | undefined, fields: string[] | undefined, quotes: string[]): SeedEntity => {
    const own = fields ? Object.fromEntries(Object.entries(props).filter(([key]) => fields.includes(key))) : { ...props };
    return { label, slug, props: own, quotes, source, file, line, propLines, given: Object.keys(own) };
  };
  const provenance = text(cells.Provenance);
  if (provenance) {
    let entries: { source: string; fields: string[]; quotes: string[] }[];
    try {
      entries = JSON.parse(provenance);
      if (
        !Array.isArray(entries) ||
        !entries.every((e) => typeof e.source === "string" && Array.isArray(e.fields) && Array.isArray(e.quotes))
      )
        throw new Error("shape");
    } catch {
      return report('Provenance must be JSON: [{"source": "…", "fields": […], "quotes": […]}]');
    }
    const covered = new Set(entries.flatMap((e) => e.fields));
    const blocks = entries
      .map((entry, i) => {
        const fields = i === 0 ? [...entry.fields, ...Object.keys(props).filter((key) => !covered.has(key))] : entry.fields;
        return block(entry.source, fields, entry.quotes);
      })
      // A source that only gave derived fields (GeoNames' location) is added back by the loader.
      .filter((b) => Object.keys(b.props).length > 0 || b.quotes.length > 0);
    return blocks;
  }
  const quotes =
    (text(cells.Quotes) ?? text(cells.Quote))
      ?.split(listSeparator)
      .map((q) => q.trim())
      .filter(Boolean) ?? [];
  return [block(text(cells.Source), undefined, quotes)];
}

let propertyColumnsCache: Set<string> | undefined;
function propertyColumnsSet(): Set<string> {
  propertyColumnsCache ??= new Set(elementPropertyColumns());
  return propertyColumnsCache;
}

function connectionRows(sheet: Sheet, problems: Problem[]): SeedRelationship[] {
  const propertyColumns = connectionPropertyColumns();
  const known = new Set<string>([...connectionBaseColumns, ...propertyColumns, ...connectionTailColumns, ...kumuDisplayColumns]);
  for (const column of sheet.header) {
    if (column && !known.has(column))
      problems.push({
        file: sheet.name,
        line: 1,
        message: `unknown column "${column}"; known: ${[...connectionBaseColumns, ...propertyColumns, ...connectionTailColumns].join(", ")}`,
      });
  }
  const relationships: SeedRelationship[] = [];
  for (const { line, cells } of sheet.rows) {
    const report = (message: string): void => void problems.push({ file: sheet.name, line, message });
    const type =
      text(cells.Type)
        ?.toUpperCase()
        .replace(/[\s-]+/g, "_") ?? "";
    if (!isRelationshipType(type)) {
      report(`connection Type "${cells.Type ?? ""}" is not one of ${Object.keys(relationshipKinds).join(", ")}`);
      continue;
    }
    const kind = relationshipKinds[type];
    const properties: Record<string, ValueType> = kind.properties;
    const direction = text(cells.Direction);
    if (direction && direction.toLowerCase() !== "directed")
      report(`Direction "${direction}": every connection of the alliance graph is directed`);
    const from = reference(text(cells.From));
    const to = reference(text(cells.To));
    if (!from) report("From is empty");
    if (!to) report("To is empty");
    const props: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(cells)) {
      if (raw === null || raw === "" || !(column in properties)) continue;
      const value = parseCell(raw, properties[column]!);
      const error = checkValue(value, properties[column]!);
      if (error) report(`${type} ${column}: ${error}`);
      else props[column] = value;
    }
    if (!from || !to) continue;
    for (const property of kind.key)
      if (cells[property] === null || cells[property] === undefined || cells[property] === "") report(`${type} needs "${property}"`);
    relationships.push({
      type,
      from,
      to,
      props,
      source: text(cells.Source),
      quote: text(cells.Quote),
      file: sheet.name,
      line,
      fromLine: line,
      toLine: line,
      fromLabel: undefined,
      toLabel: undefined,
      fromSlug: undefined,
      toSlug: undefined,
    });
  }
  return relationships;
}

/** "ally:extracites" (the exports' ids) or "Ally/extracites" → the seed loader's "Ally/extracites". */
function reference(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const match = /^([A-Za-z]+)[:/](.+)$/.exec(id);
  if (!match) return id;
  const label = labelOfType(match[1]!);
  return label ? `${label}/${match[2]}` : id;
}

function slugFromId(id: string | undefined, label: Label): string | undefined {
  if (!id) return undefined;
  const match = /^([A-Za-z]+)[:/](.+)$/.exec(id);
  if (match && labelOfType(match[1]!) === label) return match[2];
  return id;
}

/** A slug from a name: "Bien fait pour ta com" → "bien-fait-pour-ta-com". */
function text(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const result = String(value).trim();
  return result === "" ? undefined : result;
}

/** A cell as the model's type wants it: numbers from text, lists from "a | b", booleans from "true". */
function parseCell(raw: CellValue, type: ValueType): unknown {
  switch (type.type) {
    case "int":
    case "float":
    case "year":
      return typeof raw === "number"
        ? raw
        : Number(
            String(raw)
              .replace(",", ".")
              .replace(/[\s\u00a0\u202f]/g, ""),
          ) || (String(raw).trim() === "0" ? 0 : String(raw));
    case "boolean":
      return typeof raw === "boolean"
        ? raw
        : String(raw).toLowerCase() === "true"
          ? true
          : String(raw).toLowerCase() === "false"
            ? false
            : raw;
    case "strings":
      return String(raw)
        .split(listSeparator)
        .map((item) => item.trim())
        .filter(Boolean);
    case "date":
      return String(raw);
    default:
      return typeof raw === "string" ? raw : String(raw);
  }
}
