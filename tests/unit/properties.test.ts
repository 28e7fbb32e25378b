import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import { parseCsv, toCsv } from "../../core/csv.ts";
import { nodeId, parseNodeId } from "../../core/ids.ts";
import { kinds } from "../../core/model/index.ts";
import { foldText, normalizePlaceName, slugify } from "../../core/text/normalize.ts";
import { neutralizeCell, restoreCell } from "../../core/text/spreadsheet-cell.ts";
import { readSeedYaml } from "../../seeds/read-seed-yaml.ts";

// Property-based tests (fast-check): each runs on a few hundred generated inputs, and a failure
// prints the smallest input that breaks the property.
const frenchish = fc.string({
  unit: fc.constantFrom(..."aAeEéÉèêëàâîïôöùûüçÇœŒæ 0123456789-'’.,;:()/&·«»\t".split("")),
  maxLength: 40,
});
const anyText = fc.string({ unit: "grapheme", maxLength: 30 });

describe("slugs", () => {
  it("are lowercase ASCII words joined by single hyphens, and slugifying a slug changes nothing", () => {
    fc.assert(
      fc.property(fc.oneof(frenchish, anyText), (name) => {
        const slug = slugify(name);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });

  it("ignore case, accents and punctuation: two names that differ only so give one slug", () => {
    fc.assert(
      fc.property(frenchish, (name) => {
        expect(slugify(name.toUpperCase())).toBe(slugify(name.toLowerCase()));
        expect(slugify(name.normalize("NFD"))).toBe(slugify(name.normalize("NFC")));
        expect(slugify(name.replace(/[ '’.]/g, "-"))).toBe(slugify(name));
      }),
    );
  });

  it("of two names joined by a space are the two slugs joined by a hyphen", () => {
    fc.assert(
      fc.property(frenchish, frenchish, (a, b) => {
        expect(slugify(`${a} ${b}`)).toBe([slugify(a), slugify(b)].filter(Boolean).join("-"));
      }),
    );
  });

  it("make element ids that split back into the same kind and slug", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.oneof(frenchish, anyText), (kind, name) => {
        const slug = slugify(name);
        fc.pre(slug !== "");
        expect(parseNodeId(nodeId({ kind, slug }))).toEqual({ kind, slug });
      }),
    );
  });
});

describe("place names", () => {
  it("normalise to single-spaced lowercase ASCII words, once and for all", () => {
    fc.assert(
      fc.property(fc.oneof(frenchish, anyText), (name) => {
        const key = normalizePlaceName(name);
        expect(key).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
        expect(normalizePlaceName(key)).toBe(key);
      }),
    );
  });

  it("ignore hyphens against spaces, case, accents and the St/Ste abbreviations", () => {
    fc.assert(
      fc.property(frenchish, (name) => {
        const key = normalizePlaceName(name);
        expect(normalizePlaceName(name.replace(/-/g, " "))).toBe(key);
        expect(normalizePlaceName(name.toUpperCase())).toBe(normalizePlaceName(name.toLowerCase()));
        expect(normalizePlaceName(`St-${name}`)).toBe(normalizePlaceName(`Saint ${name}`));
        expect(normalizePlaceName(`Ste ${name}`)).toBe(normalizePlaceName(`Sainte-${name}`));
      }),
    );
  });

  it("fold œ and æ the way they are spelled out", () => {
    fc.assert(
      fc.property(frenchish, (name) => {
        expect(foldText(name)).toBe(foldText(name.replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae")));
      }),
    );
  });
});

describe("CSV", () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."ab ,;\"'\n\r\t=+-@é".split("")), maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));

  it("reads back exactly what it wrote, formulas, quotes, semicolons and line breaks included", () => {
    fc.assert(
      fc.property(table, (rows) => {
        // A row of one empty cell is an empty line, which CSV cannot tell from no row at all.
        fc.pre(rows.every((row) => row.some((c) => c !== "")));
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it("never writes a cell a spreadsheet would run as a formula, and the importer gives the text back", () => {
    fc.assert(
      fc.property(cell, (text) => {
        const written = neutralizeCell(text);
        expect(written).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreCell(written)).toBe(text);
      }),
    );
  });
});

describe("the seed files' YAML reader", () => {
  it("never throws, whatever the text: it reports errors with their line", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab:- \n\"'[]{}#&*!|>%@`".split("")), maxLength: 60 }), (text) => {
        const read = readSeedYaml(text);
        for (const error of read.errors) expect(error.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  const scalar = fc.oneof(
    frenchish,
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    // YAML has no -0: it reads back 0.
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((x) => !Object.is(x, -0)),
  );
  const item = fc.record(
    { slug: frenchish.map((s) => slugify(s) || "x"), name: frenchish, extra: scalar },
    { requiredKeys: ["slug", "name"] },
  );
  const seedDocument = fc.record({
    allies: fc.array(item, { minLength: 1, maxLength: 5 }),
    relationships: fc.array(item, { maxLength: 3 }),
  });

  it("gives every item the value and the line the yaml library's syntax tree gives it", () => {
    fc.assert(
      fc.property(seedDocument, fc.constantFrom("block", "flow"), (document, style) => {
        const text = stringify(document, { collectionStyle: style === "flow" ? "flow" : "block", lineWidth: 0 });
        const read = readSeedYaml(text);
        expect(read.errors).toEqual([]);
        // The oracle: the yaml library's own positions.
        const counter = new LineCounter();
        const tree = parseDocument(text, { lineCounter: counter });
        expect(isMap(tree.contents)).toBe(true);
        for (const section of read.sections) {
          const sequence = tree.get(section.key, true);
          expect(section.value).toEqual((document as Record<string, unknown>)[section.key]);
          if (!isSeq(sequence)) continue;
          expect(section.items?.map((i) => i.line)).toEqual(
            sequence.items.map((node) => counter.linePos((node as { range: number[] }).range[0]!).line),
          );
        }
      }),
    );
  });
});
