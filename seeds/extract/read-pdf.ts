import { getDocumentProxy } from "unpdf";
import { InputFileError, inputLimits, megabytes } from "../../core/cli/input-file.ts";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
  fontName: string;
}

/**
 * A PDF fiche's text, laid out as the fiche readers expect it (seeds/extract/fiche-text.ts): one
 * line per line of the page, a blank line between paragraphs (a gap wider than the lines', a new
 * column or page), *italics* and **bold** as in the text fiches (titles are in italics), ligatures
 * spelled out, a soft hyphen at a line's end joined. Read with PDF.js (through unpdf), which runs
 * no script of the file; a file that holds some is refused anyway, as are encrypted files, scans
 * without text, and more pages than a fiche has.
 */
export async function readPdfText(
  bytes: Uint8Array,
  file: string,
  limits: Partial<typeof inputLimits> = {},
): Promise<{ text: string; pages: number }> {
  const { pdfBytes, pdfPages } = { ...inputLimits, ...limits };
  if (bytes.length > pdfBytes)
    throw new InputFileError(`${file}: ${megabytes(bytes.length)} is more than a PDF fiche may be (${megabytes(pdfBytes)} at most)`);
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
    throw new InputFileError(`${file}: is not a PDF (it does not start with %PDF-)`);
  let pdf: PdfDocument;
  try {
    // A copy: PDF.js takes the buffer over. No system fonts: the file's text only (this PDF.js compiles no font code with eval).
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0, // errors only: the standard fonts' metrics, which it lacks, do not matter to the text
    });
  } catch (error) {
    const { name, message } = error as Error;
    if (name === "PasswordException") throw new InputFileError(`${file}: is protected by a password: save it again without one`);
    throw new InputFileError(`${file}: cannot be read as a PDF (${message})`);
  }
  try {
    if (pdf.numPages > pdfPages)
      throw new InputFileError(
        `${file}: has ${pdf.numPages} pages; a fiche has a few (${pdfPages} at most): is it the whole series? Split it`,
      );
    if (await holdsScripts(pdf))
      throw new InputFileError(`${file}: holds JavaScript, which a fiche never needs: refused (print it again as a PDF without scripts)`);
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      if (number === 1 && (await page.getJSActions()))
        throw new InputFileError(`${file}: holds JavaScript, which a fiche never needs: refused`);
      pages.push(await pageText(page));
      page.cleanup();
    }
    // A page (or a column) that stops mid-sentence goes on in the next: one paragraph, not two.
    const text = pages
      .reduce((all, page) => (all === "" ? page : `${all}${endsSentence(all) || startsHeading(page) ? "\n\n" : "\n"}${page}`), "")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    if (text.replace(/\s/g, "").length < 40)
      throw new InputFileError(
        `${file}: holds no text (${pdf.numPages} page(s) of images: a scan?): run it through OCR first, or import its text`,
      );
    return { text: `${text}\n`, pages: pdf.numPages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function holdsScripts(pdf: PdfDocument): Promise<boolean> {
  if (await pdf.hasJSActions()) return true;
  const actions = await pdf.getJSActions();
  if (actions && Object.keys(actions).length > 0) return true;
  const fields = await pdf.getFieldObjects();
  return fields !== null && Object.values(fields).some((list) => list.some((field: { actions?: unknown }) => field.actions));
}

/** One page's lines and paragraphs, from PDF.js's text items and their positions. */
async function pageText(page: PdfPage): Promise<string> {
  await page.getOperatorList(); // loads the fonts, whose names say italic or bold
  const content = await page.getTextContent();
  const items = (content.items as TextItem[]).filter((item) => "str" in item);
  const styleOf = new Map<string, string>();
  const style = (fontName: string): string => {
    if (!styleOf.has(fontName)) {
      const name = fontNameOf(page, fontName);
      const italic = /italic|oblique/i.test(name);
      const bold = /bold|black|heavy|semibold|demi/i.test(name);
      styleOf.set(fontName, bold && italic ? "***" : bold ? "**" : italic ? "*" : "");
    }
    return styleOf.get(fontName)!;
  };

  interface Line {
    y: number;
    x: number;
    size: number;
    parts: { text: string; style: string; x: number; end: number }[];
  }
  const lines: Line[] = [];
  let current: Line | undefined;
  let newLine = true;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 10;
    const sameLine = current !== undefined && !newLine && Math.abs(y - current.y) <= size * 0.5;
    if (item.str.trim() === "") {
      // A space between words, or an empty end of line: it starts no line of its own.
      if (sameLine && item.str) current!.parts.push({ text: item.str, style: "", x, end: x + item.width });
      if (item.hasEOL && sameLine) newLine = true;
      continue;
    }
    if (!sameLine) {
      current = { y, x, size, parts: [] };
      lines.push(current);
    }
    current!.parts.push({ text: item.str, style: style(item.fontName), x, end: x + item.width });
    newLine = item.hasEOL;
  }

  // The spacing of lines within a paragraph: the smallest gap between lines of the same size (a fiche of
  // one-line paragraphs has more paragraph gaps than line gaps); else a line's usual height.
  const lineHeight = (size: number): number => {
    const gaps = lines
      .slice(1)
      .map((line, i) => ({ gap: lines[i]!.y - line.y, size: line.size, before: lines[i]!.size }))
      .filter((g) => g.size === size && g.before === size && g.gap >= size * 0.9)
      .map((g) => g.gap);
    return gaps.length ? Math.min(...gaps) : size * 1.2;
  };
  const out: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) {
      const gap = previous.y - line.y;
      // A wider gap than the lines', a line higher up than the last (the next column), or a change of size: a new paragraph.
      const usual = lineHeight(line.size);
      const nextColumn = gap < -usual * 0.5;
      if (gap > usual * 1.4 || (nextColumn && endsSentence(out.at(-1) ?? "")) || Math.abs(line.size - previous.size) > previous.size * 0.2)
        out.push("");
    }
    out.push(lineText(line.parts, line.size));
  });
  return out
    .join("\n")
    .replace(/(\*{1,3})\n\1(?=\S)/g, "\n") // a styled run that goes on to the next line is one run
    .replace(/\u00ad\n/g, "") // a soft hyphen where the line broke: one word
    .replace(/\u00ad/g, "")
    .replace(
      /[\ufb00-\ufb06]/g,
      (ligature) =>
        ({ "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st" })[ligature]!,
    );
}

/** The font's own name ("ABCDEF+LiberationSerif-Italic"), loaded by the operator list; "" when PDF.js has none. */
function fontNameOf(page: PdfPage, fontName: string): string {
  try {
    return String((page.commonObjs.get(fontName) as { name?: string } | undefined)?.name ?? "");
  } catch {
    return "";
  }
}

function endsSentence(text: string): boolean {
  return /[.!?…:»"*)]\s*$/.test(text);
}

/** "IMPRESSION : Tanghe Printing", "LES ÉTAPES": a line in capitals starts something new. */
function startsHeading(text: string): boolean {
  return /^\**[A-ZÀ-Ý]{3,}(?:[ '’-][A-ZÀ-Ý]+)*\**\s*(:|$|\n)/.test(text);
}

/** A line's parts, spaces where the page leaves a gap, styled runs marked as the text fiches mark them. */
function lineText(parts: { text: string; style: string; x: number; end: number }[], size: number): string {
  const runs: { text: string; style: string }[] = [];
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    const gap = previous && part.x - previous.end > size * 0.15 && !/\s$/.test(previous.text) && !/^\s/.test(part.text) ? " " : "";
    const last = runs[runs.length - 1];
    if (last && (last.style === part.style || part.text.trim() === "")) last.text += gap + part.text;
    else runs.push({ text: gap + part.text, style: part.style });
  });
  return runs
    .map(({ text, style }) => {
      if (!style || !text.trim()) return text;
      const [, lead, body, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
      return `${lead}${style}${body}${style}${trail}`;
    })
    .join("")
    .replace(/\s+$/, "");
}
