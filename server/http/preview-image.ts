import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import escapeHtml from "escape-html";
import type { RequestHandler } from "express";
import type { Driver } from "neo4j-driver";
import { entityKinds, kindColors, kindName, labels, type Kind, type Label } from "../../core/model/index.ts";
import { entityCard, type EntityCard } from "./link-preview.ts";

/**
 * GET /preview/<segment>/<slug>.png: a 1200 × 630 card of the entity (its kind, name and sentence)
 * for link previews (og:image). Drawn as SVG and rendered to PNG by resvg with DejaVu Sans from
 * npm (dejavu-fonts-ttf), so the same image comes out on any machine, with or without system fonts.
 */
export const PREVIEW = { width: 1200, height: 630 };

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(fontDir, file));
const labelOfSegment = new Map(labels.map((label) => [entityKinds[label].segment as string, label]));
export function previewHandler(driver: Driver, database: string): RequestHandler {
  const cache = new Map<string, Buffer>(); // by the card's text: an edit draws a new one
  return async (request, response, next) => {
    try {
      const label = labelOfSegment.get(String(request.params.segment));
      const card = label && (await entityCard(driver, database, label, String(request.params.slug)));
      if (!card) return void response.status(404).type("text/plain").send("No entity has that permalink.");
      const key = JSON.stringify([card.label, card.slug, card.title, card.description]);
      let png = cache.get(key);
      if (!png) {
        png = renderPreview(card);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(key, png);
      }
      response.set("Cache-Control", "public, max-age=3600").type("png").send(png);
    } catch (error) {
      next(error);
    }
  };
}

/** The card as PNG bytes. */
export function renderPreview(card: EntityCard): Buffer {
  const svg = previewSvg(card);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: PREVIEW.width },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

/** The card as SVG: a band in the kind's colour, the kind, the name (two lines at most), the sentence (four). */
export function previewSvg(card: EntityCard): string {
  const kind = entityKinds[card.label as Label].kind as Kind;
  const color = kindColors[kind];
  const title = wrap(card.title, 28, 2);
  const text = wrap(card.description, 58, 4);
  const line = (content: string, x: number, y: number, size: number, weight = "normal", fill = "#1d2733") =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeHtml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW.width}" height="${PREVIEW.height}" viewBox="0 0 ${PREVIEW.width} ${PREVIEW.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="24" height="100%" fill="${color}"/>`,
    `<circle cx="1090" cy="110" r="46" fill="${color}"/>`,
    line(kindName(kind, "fr").toLocaleUpperCase("fr"), 80, 110, 30, "bold", color),
    ...title.map((t, i) => line(t, 80, 200 + i * 68, 58, "bold")),
    ...text.map((t, i) => line(t, 80, 200 + title.length * 68 + 40 + i * 40, 28, "normal", "#3d4957")),
    line("Alliance de la Fabrique des transitions", 80, 585, 26, "normal", "#6b7683"),
    `</svg>`,
  ].join("");
}

/** Words in lines of about `width` characters, at most `lines` of them (the last ends with … when cut). */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let current = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (current && (current + " " + word).length > width) {
      out.push(current);
      current = word;
      if (out.length === lines) {
        out[lines - 1] = `${out[lines - 1]!.replace(/[,;:.]?$/, "")}…`;
        return out;
      }
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out.slice(0, lines);
}
