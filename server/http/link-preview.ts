import escapeHtml from "escape-html";
import type { Driver } from "neo4j-driver";
import type { Request, RequestHandler } from "express";
import { checkedLabel, fillQuery } from "../../core/neo4j/cypher-template.ts";
import { entityKinds, kindName, labels, valueName, type Kind, type Label } from "../../core/model/index.ts";

const site = "Alliance de la Fabrique des transitions";
const labelOfSegment = new Map(labels.map((label) => [entityKinds[label].segment as string, label]));
const EMBED = { width: 800, height: 600 };

export interface EntityCard {
  label: Label;
  slug: string;
  title: string;
  description: string;
}

/** "/initiatives/vertiges-de-labour" or "/embed/initiatives/…" → its label and slug; anything else undefined. */
export function permalinkOf(pathname: string): { label: Label; slug: string } | undefined {
  const match = /^\/(?:embed\/)?([a-z-]+)\/([^/]+)\/?$/.exec(pathname);
  const label = match ? labelOfSegment.get(match[1]!) : undefined;
  if (!match || !label) return undefined;
  try {
    return { label, slug: decodeURIComponent(match[2]!) };
  } catch {
    return undefined;
  }
}

/** The entity's name and a sentence about it (its summary or description, else its kind), or undefined if it does not exist. */
export async function entityCard(driver: Driver, database: string, label: Label, slug: string): Promise<EntityCard | undefined> {
  const { records } = await driver.executeQuery(
    fillQuery("queries/entity-card", { __LABEL__: checkedLabel(label) }),
    { slug },
    { database, routing: "READ", transactionConfig: { timeout: 3000 } },
  );
  const row = records[0]?.toObject() as { name: string; text: string | null; subkind: string | null } | undefined;
  if (!row) return undefined;
  const kind = kindName(entityKinds[label].kind as Kind, "fr");
  const subkind = row.subkind ? valueName(label, "kind", row.subkind, "fr") : undefined;
  const description =
    row.text?.trim() || `${subkind && subkind !== kind ? `${kind} (${subkind})` : kind} de l'alliance de la Fabrique des transitions.`;
  return { label, slug, title: row.name, description: description.length > 300 ? `${description.slice(0, 297)}…` : description };
}

const origin = (request: Request) => `${request.protocol}://${request.get("host")}`;

/**
 * The page of a permalink with the entity's title and description in <title>, OpenGraph and
 * Twitter tags, and the oEmbed discovery link: pasting the permalink into a CMS or a chat shows a
 * card or the embedded view. Values are HTML-escaped (escape-html).
 */
export function withPreview(html: string, card: EntityCard, request: Request): string {
  const url = `${origin(request)}${request.path}`;
  const title = `${card.title} — ${site}`;
  // The card drawn for it (preview-image.ts), 1200 × 630.
  const image = `${origin(request)}/preview/${entityKinds[card.label].segment}/${encodeURIComponent(card.slug)}.png`;
  const tags = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${escapeHtml(site)}" />`,
    `<meta property="og:title" content="${escapeHtml(card.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(card.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta property="og:image" content="${escapeHtml(image)}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta property="og:image:alt" content="${escapeHtml(`${card.title} — ${site}`)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:image" content="${escapeHtml(image)}" />`,
    `<meta name="twitter:title" content="${escapeHtml(card.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(card.description)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(`${origin(request)}/oembed?url=${encodeURIComponent(url)}&format=json`)}" title="${escapeHtml(card.title)}" />`,
  ].join("\n    ");
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/<meta\s+name="description"\s+content="[^"]*"\s*\/>/, `<meta name="description" content="${escapeHtml(card.description)}" />`)
    .replace("</head>", `    ${tags}\n  </head>`);
}

/** GET /oembed?url=PERMALINK[&format=json][&maxwidth=…][&maxheight=…]: the embedded view as an oEmbed "rich" answer. */
export function oembedHandler(driver: Driver, database: string): RequestHandler {
  return async (request, response, next) => {
    try {
      const format = String(request.query.format ?? "json");
      if (format !== "json") return void response.status(501).json({ error: "Only format=json is served." });
      let target: URL;
      try {
        target = new URL(String(request.query.url ?? ""));
      } catch {
        return void response.status(400).json({ error: "url must be the address of a permalink, e.g. /initiatives/vertiges-de-labour" });
      }
      const link = permalinkOf(target.pathname);
      const card = link && (await entityCard(driver, database, link.label, link.slug));
      if (!card) return void response.status(404).json({ error: "No entity has that permalink." });
      const width = Math.min(EMBED.width, Number(request.query.maxwidth) || EMBED.width);
      const height = Math.min(EMBED.height, Number(request.query.maxheight) || EMBED.height);
      const src = `${origin(request)}/embed/${entityKinds[card.label].segment}/${encodeURIComponent(card.slug)}`;
      response.set("Cache-Control", "public, max-age=300").json({
        version: "1.0",
        type: "rich",
        provider_name: site,
        provider_url: `${origin(request)}/`,
        title: card.title,
        width,
        height,
        html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(card.title)}" loading="lazy" style="border:0"></iframe>`,
      });
    } catch (error) {
      next(error);
    }
  };
}
