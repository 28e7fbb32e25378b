import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import escapeHtml from "escape-html";

/**
 * Lays fiches of the corpus out as PDFs with LibreOffice, as the Fabrique prints them: its own line
 * breaks, two fonts, titles in italics, bold, a page break or two. Run once; its output is committed
 * (`npx tsx tests/fiches/pdf/make-pdfs.ts`, which needs soffice). The PDFs' text layers are
 * LibreOffice's, not ours: what read-pdf.ts must turn back into the fiche's text.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const fiches = [
  path.join(here, "../../../seeds/sources/territoires-pilotes-saison-2-vimy.txt"),
  path.join(here, "../fiche-02-mormal.txt"),
  path.join(here, "../fiche-08-langouet.txt"),
];

function html(text: string): string {
  const inline = (s: string) =>
    escapeHtml(s)
      .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
      .replace(/\*([^*]+)\*/g, "<i>$1</i>");
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n|\n(?=[-•]\s)/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/-\n/g, "-").replace(/\s*\n\s*/g, " "));
  const body = paragraphs.map((p) => (/^[A-ZÀ-Ý' ]{6,}$/.test(p) ? `<h2>${inline(p)}</h2>` : `<p>${inline(p)}</p>`)).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: "DejaVu Serif"; font-size: 11pt; } h2 { font-family: "DejaVu Sans"; font-size: 14pt; margin-top: 18pt; }
    p { margin: 0 0 9pt 0; text-align: justify; }
  </style></head><body>${body}</body></html>`;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "fiche-pdfs-"));
for (const fiche of fiches) {
  const base = path.basename(fiche, ".txt");
  fs.writeFileSync(path.join(work, `${base}.html`), html(fs.readFileSync(fiche, "utf8")));
  // Imported as a Writer document (Writer/Web drops a page of text), printed as PDF.
  execFileSync(
    "soffice",
    [
      "--headless",
      "--infilter=HTML (StarWriter)",
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      work,
      path.join(work, `${base}.html`),
    ],
    {
      stdio: "ignore",
    },
  );
  fs.copyFileSync(path.join(work, `${base}.pdf`), path.join(here, `${base}.pdf`));
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`Written: ${fiches.map((f) => path.basename(f, ".txt") + ".pdf").join(", ")}`);
