import jsYaml from "js-yaml";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";

/** A list item of a seed file: its value, the line it starts on, and the line of each of its keys. */
export interface SeedItem {
  line: number;
  value: unknown;
  keyLines: Map<string, number>;
}

/** A top-level key of a seed file (source:, allies:, relationships:…). */
export interface SeedSection {
  key: string;
  line: number;
  value: unknown;
  items: SeedItem[] | undefined; // undefined when the value is not a list
}

export interface SeedYaml {
  errors: { line: number; message: string }[];
  isMap: boolean;
  sections: SeedSection[];
}

/**
 * Reads a seed file's YAML with the line of every item and key, for messages like
 * "file:42: …". Fast path: js-yaml (plain values, ten times faster than a full syntax tree) and
 * a scan of the lines for positions, which works for the block and flow styles seed files use;
 * when the scan and the values disagree (unusual YAML), the `yaml` library's syntax tree gives
 * the positions instead.
 */
export function readSeedYaml(text: string): SeedYaml {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }); // YAML 1.2 core: "2024-09-01" stays text
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    return {
      errors: [{ line: (mark?.line ?? 0) + 1, message: `YAML: ${(error as { reason?: string }).reason ?? (error as Error).message}` }],
      isMap: false,
      sections: [],
    };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { errors: [], isMap: false, sections: [] };
  return scanLines(text, value as Record<string, unknown>) ?? readWithSyntaxTree(text);
}

const topKey = /^([A-Za-z_][\w-]*)\s*:/;
const itemStart = /^(\s*)-(\s+|$)/;
const keyAt = /^(\s*)(?:-\s+)?["']?([A-Za-z_][\w]*)["']?\s*:(\s|$)/;
const flowKeys = /(?:^|[{,]\s*)["']?([A-Za-z_][\w]*)["']?\s*:/g;

function scanLines(text: string, document: Record<string, unknown>): SeedYaml | undefined {
  const lines = text.split(/\r?\n/);
  const sections: SeedSection[] = [];
  let current: { section: SeedSection; itemIndent: number; contentIndent: number } | undefined;
  let item: SeedItem | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    const top = topKey.exec(line);
    if (top) {
      const key = top[1]!;
      if (!(key in document)) return undefined;
      const value = document[key];
      current = { section: { key, line: i + 1, value, items: Array.isArray(value) ? [] : undefined }, itemIndent: -1, contentIndent: -1 };
      sections.push(current.section);
      item = undefined;
      continue;
    }
    if (!current?.section.items) continue;
    const start = itemStart.exec(line);
    if (start && (current.itemIndent < 0 || start[1]!.length === current.itemIndent)) {
      current.itemIndent = start[1]!.length;
      const index = current.section.items.length;
      item = { line: i + 1, value: (current.section.value as unknown[])[index], keyLines: new Map() };
      current.section.items.push(item);
      const rest = line.slice(start[0].length);
      if (rest.trimStart().startsWith("{")) {
        for (const match of rest.matchAll(flowKeys)) if (!item.keyLines.has(match[1]!)) item.keyLines.set(match[1]!, i + 1);
      } else {
        const key = keyAt.exec(line);
        if (key) {
          current.contentIndent = start[0].length;
          item.keyLines.set(key[2]!, i + 1);
        }
      }
      continue;
    }
    if (!item) continue;
    const key = keyAt.exec(line);
    if (key && key[1]!.length === (current.contentIndent >= 0 ? current.contentIndent : key[1]!.length)) {
      current.contentIndent = key[1]!.length;
      if (!item.keyLines.has(key[2]!)) item.keyLines.set(key[2]!, i + 1);
    }
  }
  // Every top-level key and every item must have been seen, else the scan cannot be trusted.
  if (sections.length !== Object.keys(document).length) return undefined;
  for (const section of sections) {
    if (section.items && section.items.length !== (section.value as unknown[]).length) return undefined;
    for (const item of section.items ?? []) {
      if (item.value && typeof item.value === "object" && !Array.isArray(item.value)) {
        for (const key of Object.keys(item.value)) if (!item.keyLines.has(key)) return undefined;
      }
    }
  }
  return { errors: [], isMap: true, sections };
}

/** The slow, exact way: positions from the `yaml` library's syntax tree. */
function readWithSyntaxTree(text: string): SeedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const at = isPair(node) ? (node.key as Node | null) : node;
    return at?.range ? lineCounter.linePos(at.range[0]).line : 1;
  };
  if (doc.errors.length > 0)
    return {
      errors: doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: `YAML: ${e.message.split("\n")[0]}` })),
      isMap: false,
      sections: [],
    };
  if (!isMap(doc.contents)) return { errors: [], isMap: false, sections: [] };
  return {
    errors: [],
    isMap: true,
    sections: doc.contents.items.map((pair) => {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const value = (pair.value as Node | null)?.toJSON?.() ?? null;
      const items = isSeq(pair.value)
        ? pair.value.items.map((node) => ({
            line: lineOf(node as Node),
            value: (node as Node)?.toJSON?.() ?? null,
            keyLines: new Map(
              isMap(node) ? node.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), lineOf(p)] as [string, number]) : [],
            ),
          }))
        : undefined;
      return { key, line: lineOf(pair), value, items };
    }),
  };
}
