import { entityKinds, type Label } from "../../core/model/index.ts";

/**
 * A change written as the seed file it amounts to, so that the seed loader's own checks (the model's
 * value types, required properties, relationship ends, quotes found word for word, the COG) judge
 * it: one YAML line per fact, each remembered with the field of the change it came from, so that a
 * problem at "line 7" comes back as "operations[2].properties.population".
 */
export class ChangeDocument {
  private readonly lines: string[] = [];
  private readonly fields: string[] = [];
  private readonly sections = new Map<string, { line: string; field: string }[][]>();
  private readonly relationships: { line: string; field: string }[][] = [];

  constructor(private readonly source: string) {}

  /** An entity as it will be: every property (for an update, the current ones with the change applied). */
  addEntity(
    label: Label,
    slug: string,
    props: Record<string, unknown>,
    quotes: string[],
    field: string,
    fieldOf: (property: string) => string,
    source?: string, // the operation's own source, when not the change's
  ): void {
    const item = [{ line: `slug: ${json(slug)}`, field: `${field}.slug` }];
    if (source) item.push({ line: `source: ${json(source)}`, field: `${field}.source` });
    for (const [name, value] of Object.entries(props))
      if (value !== null && value !== undefined) item.push({ line: `${name}: ${json(value)}`, field: fieldOf(name) });
    if (quotes.length) item.push({ line: `quotes: ${json(quotes)}`, field: `${field}.quote` });
    const section = entityKinds[label].section;
    const items = this.sections.get(section) ?? [];
    items.push(item);
    this.sections.set(section, items);
  }

  addRelationship(
    type: string,
    from: string,
    to: string,
    props: Record<string, unknown>,
    quote: string | undefined,
    field: string,
    source?: string,
  ): void {
    const item = [
      { line: `type: ${json(type)}`, field: `${field}.type` },
      { line: `from: ${json(from)}`, field: `${field}.from` },
      { line: `to: ${json(to)}`, field: `${field}.to` },
    ];
    for (const [name, value] of Object.entries(props))
      if (value !== null && value !== undefined) item.push({ line: `${name}: ${json(value)}`, field: `${field}.properties.${name}` });
    if (quote) item.push({ line: `quote: ${json(quote)}`, field: `${field}.quote` });
    if (source) item.push({ line: `source: ${json(source)}`, field: `${field}.source` });
    this.relationships.push(item);
  }

  /** The YAML text, and the field of the change each line came from. */
  render(): { text: string; fieldAt: (line: number) => string } {
    this.push(`source: ${json(this.source)}`, "source");
    for (const [section, items] of this.sections) this.pushItems(section, items);
    if (this.relationships.length) this.pushItems("relationships", this.relationships);
    const fields = this.fields;
    return { text: this.lines.join("\n") + "\n", fieldAt: (line) => fields[line - 1] ?? "operations" };
  }

  private pushItems(section: string, items: { line: string; field: string }[][]): void {
    this.push(`${section}:`, "operations");
    for (const item of items) item.forEach(({ line, field }, index) => this.push(`${index === 0 ? "  - " : "    "}${line}`, field));
  }

  private push(line: string, field: string): void {
    this.lines.push(line);
    this.fields.push(field);
  }
}

/** JSON is YAML: strings, numbers, lists and maps written this way read back exactly. */
function json(value: unknown): string {
  return JSON.stringify(value);
}
