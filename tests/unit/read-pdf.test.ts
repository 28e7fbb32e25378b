import fs from "node:fs";
import path from "node:path";
import { StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { extractFiche } from "../../seeds/extract/extract-fiche.ts";
import { Knowledge } from "../../seeds/extract/knowledge.ts";
import { readPdfText } from "../../seeds/extract/read-pdf.ts";
import { makePdf, pdfOfPages, pdfWithScript, scannedPdf } from "../helpers/make-pdf.ts";

const gazetteer = new Gazetteer(readGazetteerFile());
const pdfDir = path.join("tests", "fiches", "pdf");
const withoutComments = (yaml: string) =>
  yaml
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n");

// The fiches of tests/fiches/pdf/ were laid out by LibreOffice (make-pdfs.ts): their line breaks,
// page breaks and fonts are its own. Read back, they must give the draft their text gives.
describe("a PDF fiche gives the same draft as its text", () => {
  it.each([
    ["territoires-pilotes-saison-2-vimy", "seeds/sources/territoires-pilotes-saison-2-vimy.txt"],
    ["fiche-02-mormal", "tests/fiches/fiche-02-mormal.txt"],
    ["fiche-08-langouet", "tests/fiches/fiche-08-langouet.txt"],
  ])("%s", async (name, textFile) => {
    const knowledge = Knowledge.fromSeeds(`${name}.yaml`);
    const fromText = extractFiche(fs.readFileSync(textFile, "utf8"), `${name}.txt`, knowledge, gazetteer);
    const { text, pages } = await readPdfText(fs.readFileSync(path.join(pdfDir, `${name}.pdf`)), `${name}.pdf`);
    expect(pages).toBeGreaterThanOrEqual(1);
    const fromPdf = extractFiche(text, `${name}.txt`, knowledge, gazetteer);
    expect(fromText.draft.entities.size).toBeGreaterThan(5);
    expect(withoutComments(fromPdf.yaml)).toBe(withoutComments(fromText.yaml));
    expect(fromPdf.unplaced).toEqual(fromText.unplaced);
  });
});

const pdf = makePdf;

describe("reading a PDF's text layer", () => {
  // A hyphen at the end of a line is kept, as the text reader keeps it ("Hauts-⏎de-France"); so is a
  // soft hyphen that a PDF writes as a hyphen's glyph, as pdf-lib does.
  it("keeps italics as the text fiches mark them, lines as lines, and a gap as a new paragraph", async () => {
    const bytes = await pdf(async (doc) => {
      const [regular, italic] = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaOblique)];
      const page = doc.addPage([595, 842]);
      page.drawText("- ", { x: 50, y: 780, size: 11, font: regular });
      page.drawText("Vertiges de Labour", { x: 60, y: 780, size: 11, font: italic });
      page.drawText(" : un spectacle de la commune, accompa\u00ad", { x: 160, y: 780, size: 11, font: regular });
      page.drawText("gné par la Fabrique des transitions.", { x: 50, y: 766, size: 11, font: regular });
      page.drawText("Un second paragraphe, plus bas sur la page, pour qu'on le voie.", { x: 50, y: 720, size: 11, font: regular });
    });
    const { text } = await readPdfText(bytes, "f.pdf");
    expect(text).toBe(
      "- *Vertiges de Labour* : un spectacle de la commune, accompa-\ngné par la Fabrique des transitions.\n\nUn second paragraphe, plus bas sur la page, pour qu'on le voie.\n",
    );
  });

  it.each([
    ["not a PDF", async () => Buffer.from("Bonjour"), /is not a PDF/],
    ["a password", async () => fs.readFileSync(path.join(pdfDir, "refused", "protected.pdf")), /is protected by a password/],
    ["JavaScript", pdfWithScript, /holds JavaScript.*refused/],
    ["500 pages", () => pdfOfPages(500), /has 500 pages; a fiche has a few \(60 at most\)/],
    ["a scan (images, no text)", scannedPdf, /holds no text .*a scan\?.*OCR/],
    [
      "21 MB",
      async () => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(21 * 2 ** 20)]),
      /21 MB is more than a PDF fiche may be \(20 MB at most\)/,
    ],
  ])("refuses %s in one line", async (_, make, expected) => {
    await expect(readPdfText(await make(), "f.pdf")).rejects.toThrow(expected);
  });
});
