import { PDFDocument, StandardFonts } from "pdf-lib";

/** A PDF drawn by pdf-lib, for the cases no word processor would make (scripts, 500 pages, a scan). */
export async function makePdf(draw: (doc: PDFDocument) => Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  await draw(doc);
  return Buffer.from(await doc.save());
}

/** One page with a fiche's sentence, and a script run when it opens. */
export const pdfWithScript = () =>
  makePdf(async (doc) => {
    const page = doc.addPage();
    page.drawText("La commune de Vimy, accompagnée par Extracités en saison 1.", {
      x: 50,
      y: 700,
      size: 11,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    doc.addJavaScript("main", "app.alert('bonjour')");
  });

/** `pages` pages of one line each. */
export const pdfOfPages = (pages: number) =>
  makePdf(async (doc) => {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < pages; i++) doc.addPage().drawText(`Page ${i + 1}`, { x: 50, y: 700, size: 11, font });
  });

/** A page that is one image and no text, as a scanner makes it. */
export const scannedPdf = () =>
  makePdf(async (doc) => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const image = await doc.embedPng(png);
    doc.addPage().drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  });
