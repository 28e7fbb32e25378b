/// <reference lib="dom" />
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { chromiumArgs, chromiumPath } from "../../core/dev/chromium.ts";
import { previewSvg } from "../../server/http/preview-image.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";

// Link previews: what a CMS or a chat reads from a permalink (the explorer is built by this project's setup).
let database: Database;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  app = await startTestApp(database);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** The fiche's facts (seeds/data): the initiative's title and summary. */
const title = "Vertiges de Labour";
const summary =
  "Spectacle créé en coopération avec la commune de Loos-en-Gohelle et mis en scène par Xavier Lacouture, pour renforcer les liens entre agriculteurs et habitants ; plusieurs représentations en juin 2023.";

describe("link previews", () => {
  it("/initiatives/vertiges-de-labour carries its title and summary in <title>, OpenGraph and Twitter tags, and its oEmbed link", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(`${app.url}/initiatives/vertiges-de-labour`);
    await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
    const meta = await page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll("meta[property], meta[name]")).map((m) => [
          m.getAttribute("property") ?? m.getAttribute("name"),
          m.getAttribute("content"),
        ]),
      ),
    );
    expect(meta["og:title"]).toBe(title);
    expect(meta["og:description"]).toBe(summary);
    expect(meta["og:url"]).toBe(`${app.url}/initiatives/vertiges-de-labour`);
    expect(meta["twitter:card"]).toBe("summary_large_image");
    expect(meta["og:image"]).toBe(`${app.url}/preview/initiatives/vertiges-de-labour.png`);
    expect(meta["twitter:image"]).toBe(meta["og:image"]);
    expect([meta["og:image:width"], meta["og:image:height"]]).toEqual(["1200", "630"]);
    expect(meta["twitter:title"]).toBe(title);
    expect(meta.description).toBe(summary);
    const oembed = await page.evaluate(() =>
      document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute("href"),
    );
    expect(oembed).toBe(`${app.url}/oembed?url=${encodeURIComponent(`${app.url}/initiatives/vertiges-de-labour`)}&format=json`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("/oembed answers a rich embed of the entity's embedded view, and refuses what is no permalink", async () => {
    const url = encodeURIComponent(`${app.url}/initiatives/vertiges-de-labour`);
    const response = await fetch(`${app.url}/oembed?url=${url}&maxwidth=640`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      version: "1.0",
      type: "rich",
      provider_name: "Alliance de la Fabrique des transitions",
      provider_url: `${app.url}/`,
      title,
      width: 640,
      height: 600,
      html: `<iframe src="${app.url}/embed/initiatives/vertiges-de-labour" width="640" height="600" title="${title}" loading="lazy" style="border:0"></iframe>`,
    });
    expect((await fetch(`${app.url}/oembed?url=${encodeURIComponent(`${app.url}/initiatives/nulle-part`)}`)).status).toBe(404);
    expect((await fetch(`${app.url}/oembed?url=pas-une-adresse`)).status).toBe(400);
    expect((await fetch(`${app.url}/oembed?url=${url}&format=xml`)).status).toBe(501);
  });

  it("/preview/…png is a 1 200 × 630 PNG card of the entity, drawn from its name and sentence; 404 for an unknown one", async () => {
    const response = await fetch(`${app.url}/preview/initiatives/vertiges-de-labour.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a"); // the PNG signature
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]); // IHDR: width, height
    fs.mkdirSync("test-results/screenshots", { recursive: true });
    fs.writeFileSync("test-results/screenshots/35-preview-vertiges-de-labour.png", png);
    // The card is drawn from the text: the entity's name in its SVG (the PNG's source).
    const svg = previewSvg({ label: "Initiative", slug: "vertiges-de-labour", title, description: summary });
    expect(svg).toContain(`>${title}</text>`);
    expect(svg).toContain(">INITIATIVE</text>");
    expect((await fetch(`${app.url}/preview/initiatives/nulle-part.png`)).status).toBe(404);
    expect((await fetch(`${app.url}/preview/nowhere/vertiges-de-labour.png`)).status).toBe(404);
  });

  it("an ally without a summary gets a sentence from its kind; an unknown entity keeps the plain page; nothing is echoed unescaped", async () => {
    const ally = await (await fetch(`${app.url}/allies/extracites`)).text();
    expect(ally).toContain('<meta property="og:title" content="Extracités" />');
    // allies.yaml gives Extracités no description: the sentence says what it is, in the model's words (Allié, coopérative).
    expect(ally).toContain(
      '<meta property="og:description" content="Allié (coopérative) de l&#39;alliance de la Fabrique des transitions." />',
    );
    const unknown = await (await fetch(`${app.url}/allies/%3Cscript%3Ealert(1)%3C%2Fscript%3E`)).text();
    expect(unknown).not.toContain("og:title");
    expect(unknown).not.toContain("<script>alert(1)</script>");
  });
});
