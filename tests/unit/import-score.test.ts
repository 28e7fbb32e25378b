import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { formatScores, labelledFiles, scoreImports, totals } from "../imports/score-imports.ts";

// The bar, on the labelled spreadsheets of tests/imports/ (npm run import:score prints it):
// communes placed right on ≥ 99 % of the rows that name one, none invented, duplicates found ≥ 95 %,
// no row merged into the wrong entity.
describe("the spreadsheet import on the labelled set", async () => {
  const scores = await scoreImports(new Gazetteer(readGazetteerFile()));
  const all = totals(scores);

  it("scores every labelled file, with communes and duplicates to find in each", () => {
    console.log(formatScores(scores));
    expect(scores.map((s) => s.file)).toEqual(labelledFiles);
    for (const score of scores) {
      expect(score.rows).toBeGreaterThan(20);
      expect(score.withCommune).toBeGreaterThan(20);
      expect(score.duplicates).toBeGreaterThan(2);
      expect(score.flagged).toBeGreaterThan(2); // homonyms, typos, former communes: flagged, not placed
    }
    expect(new Set(scores.map((s) => s.preview.format))).toEqual(new Set(["csv", "xlsx", "ods"]));
    expect(new Set(scores.map((s) => s.preview.delimiter).filter(Boolean))).toEqual(new Set([";", ",", "\t"]));
    expect(new Set(scores.map((s) => s.preview.encoding).filter(Boolean))).toEqual(new Set(["windows-1252", "utf-8 (BOM)", "utf-8"]));
  });

  it("places ≥ 99 % of the rows' communes right and invents none", () => {
    expect(all.placedRight / all.withCommune).toBeGreaterThanOrEqual(0.99);
    expect(all.invented).toBe(0);
  });

  it("finds ≥ 95 % of the duplicates and merges no row into the wrong entity", () => {
    expect(all.found / all.duplicates).toBeGreaterThanOrEqual(0.95);
    expect(all.wrongMerges).toBe(0);
  });
});
