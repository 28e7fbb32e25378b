import { normalizeForQuotes } from "../source-texts.ts";
import { layouts, type FicheLayout } from "./layouts.ts";

/** A paragraph of the fiche: its text as the seed loader quotes it, and as written (italics kept). */
export interface Block {
  text: string; // normalised: one line, markdown emphasis removed, words hyphenated across lines joined
  raw: string; // whitespace collapsed, *italics* and **bold** kept (titles are in italics)
  index: number;
  broken: string[]; // words cut by a hyphen at a line's end and going on in lower case ("Bas-tide"), as the text has them
}

export type SectionName = "header" | "pilot" | "steps" | "others" | "about" | "credits";

/**
 * The fiche cut into blocks (paragraphs separated by blank lines, or bullets) and sections, by the
 * layout's headings (whatever their apostrophes, accents or case). Works with CRLF or LF,
 * non-breaking spaces, and sections missing or in another order.
 */
export function readFiche(text: string, layout: FicheLayout = layouts[0]!): { blocks: Block[]; sections: Map<SectionName, Block[]> } {
  const unified = text.replace(/\r\n?/g, "\n").replace(/[\u00a0\u202f]/g, " ");
  const paragraphs: string[] = [];
  for (const paragraph of unified.split(/\n\s*\n/)) {
    // A bullet list is one paragraph per bullet.
    const bullets = paragraph.split(/\n(?=\s*[-•]\s)/);
    paragraphs.push(...bullets);
  }
  // A sentence cut by a blank line (the PDF's columns) continues in the next paragraph: join them.
  const joined: string[] = [];
  for (const paragraph of paragraphs.map((p) => p.trim()).filter(Boolean)) {
    const previous = joined[joined.length - 1];
    if (previous && /[a-zà-ÿ,]$/.test(previous.trim()) && /^[a-zà-ÿ]/.test(paragraph))
      joined[joined.length - 1] = `${previous} ${paragraph}`;
    else joined.push(paragraph);
  }
  const blocks = joined.map((paragraph, index) => ({
    broken: [...paragraph.matchAll(/(\p{L}+)-[ \t]*\n\s*(\p{Ll}+)/gu)].map((m) => `${m[1]}-${m[2]}`),
    text: normalizeForQuotes(paragraph),
    raw: paragraph
      .replace(/(\p{L})-[ \t]*\n\s*/gu, "$1-")
      .replace(/\s+/g, " ")
      .trim(),
    index,
  }));

  const sections = new Map<SectionName, Block[]>([["header", []]]);
  let current: SectionName = "header";
  for (const block of blocks) {
    const heading = layout.headings.find(([, pattern]) => pattern.test(block.text));
    if (heading) {
      current = heading[0];
      sections.set(current, []);
      continue;
    }
    if (/^La Fabrique des transitions anime\b|^Avec le soutien\b/.test(block.text)) current = "about";
    if (/^(DIRECTION DE PUBLICATION|R[ÉE]DACTION|RELECTURE|IMPRESSION)\b/i.test(block.text)) current = "credits";
    sections.set(current, [...(sections.get(current) ?? []), block]);
  }
  return { blocks, sections };
}

/**
 * Sentences of a block. "L'intention ? Relocaliser la cantine…" stays one sentence: a question
 * mark after a few words introduces its answer.
 */
export function sentences(block: Block): string[] {
  const parts = block.text.split(/(?<=[.!?…])\s+(?=[«"A-ZÀ-Ý])/);
  const merged: string[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && /\?$/.test(previous) && previous.length < 30) merged[merged.length - 1] = `${previous} ${part}`;
    else merged.push(part);
  }
  return merged.map((s) => s.trim()).filter(Boolean);
}

/**
 * A name as it is spelt, not as the line broke it: "Aurélie Bas-⏎tide" is Aurélie Bastide, while
 * "Pierre-⏎Yves" (a capital after the hyphen) and a hyphen inside a line stay. The quote keeps the
 * fiche's text; only the name is mended.
 */
export function unbreakName(name: string, block: Pick<Block, "broken">): string {
  return name.replace(/(\p{L}+)-(\p{Ll}+)/gu, (word, left: string, right: string) => (block.broken.includes(word) ? left + right : word));
}

/** "gestion transitoire du projet" → "Gestion transitoire du projet". */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}

/** "LOOS-EN-GOHELLE" → "Loos-en-Gohelle": French title case for names written in capitals. */
export function titleCase(text: string): string {
  const small = new Set(["de", "du", "des", "la", "le", "les", "en", "sur", "sous", "et", "aux", "au", "l", "d"]);
  return text
    .toLocaleLowerCase("fr")
    .split(/([\s-]+|')/)
    .map((word, index) => (index > 0 && small.has(word) ? word : word.charAt(0).toLocaleUpperCase("fr") + word.slice(1)))
    .join("");
}

const months: Record<string, string> = {
  janvier: "01",
  février: "02",
  fevrier: "02",
  mars: "03",
  avril: "04",
  mai: "05",
  juin: "06",
  juillet: "07",
  août: "08",
  aout: "08",
  septembre: "09",
  octobre: "10",
  novembre: "11",
  décembre: "12",
  decembre: "12",
};

/** "septembre 2024" → "2024-09". */
export function monthYear(text: string): string | undefined {
  const match = /\b(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b/i.exec(text);
  return match ? `${match[2]}-${months[match[1]!.toLowerCase()]}` : undefined;
}

/** "4 261", "4261", "4 261" (non-breaking) or "4.261" → 4261. */
export function parseWholeNumber(text: string): number | undefined {
  const digits = text.replace(/[\s.\u00a0\u202f]/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
