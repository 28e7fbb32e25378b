import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../core/csv.ts";
import { neutralizeCell, restoreCell } from "../../core/text/spreadsheet-cell.ts";

// OWASP's CSV injection advice: cells that begin with =, +, -, @, a tab or a carriage return are run
// as formulas by spreadsheet programs; prefix them with an apostrophe.
const dangerous = ['=HYPERLINK("https://example.org","clic")', "+33 1 23", "-2+3", "@SUM(A1)", "\tindent", "\rreturn"];

describe("exports neutralise what a spreadsheet would run", () => {
  it.each(dangerous)("%j gets an apostrophe, and reads back as it was", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
    expect(restoreCell(neutralizeCell(value))).toBe(value);
  });

  it("leaves other text, numbers (negative longitudes) and empty cells alone", () => {
    for (const value of ["Vimy", "L'Atelier", "'quoted", "", "x=1"]) expect(neutralizeCell(value)).toBe(value);
    expect(neutralizeCell(-1.55)).toBe(-1.55);
    expect(neutralizeCell(null)).toBeNull();
  });

  it("toCsv writes no cell that begins like a formula, and parseCsv reads the values back", () => {
    const rows = [["Label", "Description", "Longitude"], ...dangerous.map((value) => [value, `about ${value}`, -1.55])];
    const text = toCsv(rows);
    const cells = text
      .replace(/^\uFEFF/, "")
      .split(/\r\n/)
      .flatMap((line) => line.split(","));
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
    expect(parseCsv(text)).toEqual(rows.map((row) => row.map(String)));
  });
});
