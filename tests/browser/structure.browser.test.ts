/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../core/dev/chromium.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";
import { openExplorer, watchedPage } from "../helpers/watched-page.ts";

// The network's structure in the page: Affichage, Chronologie, Structure, Vues, Qualité des données,
// on the seed data (the Vimy fiche). Expected values come from the fiche or from the API, asked
// over HTTP apart from the page.
const screenshots = path.resolve("test-results/screenshots");
let database: Database;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
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

const visitor = () => watchedPage(browser, { clipboardFor: app.url });
const open = (page: Page, url = "/") => openExplorer(page, app.url, url);

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Each visible node's id, rendered width and background colour. */
const nodeStyles = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      (window as any).cy
        .nodes()
        .not(".hidden")
        .map((n: any) => [
          n.id(),
          { width: Math.round((10 * n.renderedWidth()) / (window as any).cy.zoom()) / 10, color: n.style("background-color") },
        ]),
    ),
  ) as Promise<Record<string, { width: number; color: string }>>;

const visibleIds = (page: Page) =>
  page.evaluate(() =>
    (window as any).cy
      .nodes()
      .not(".hidden")
      .map((n: any) => n.id()),
  ) as Promise<string[]>;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

describe("the network's structure in the page", () => {
  it("sizing by betweenness and colouring by community change the nodes' style, the legend follows, and the URL keeps both", async () => {
    const { metrics } = await api<{ metrics: { id: string; betweenness: number; community: number }[] }>(
      `{ metrics: entityMetrics(ids: ["territory:vimy", "ally:extracites", "ally:bien-fait-pour-ta-com", "territory:pas-de-calais", "person:xavier-lacouture", "ally:ademe"]) { id betweenness community } }`,
    );
    expect(metrics).toHaveLength(6);
    const { context, page, check } = await visitor();
    await open(page);
    const before = await nodeStyles(page);
    expect(Object.keys(before).length).toBeGreaterThan(10);

    await page.selectOption("#display-size", "betweenness");
    await page.selectOption("#display-color", "community");
    await page.waitForFunction(() => (window as any).cy.nodes("[displayColor]").length > 0);
    const after = await nodeStyles(page);
    const byBetweenness = [...metrics].sort((a, b) => b.betweenness - a.betweenness);
    // Larger betweenness, node as large or larger (a square-root scale in ten steps): the API's order is the
    // drawing's, the highest is the largest of all, the lowest the smallest.
    for (let i = 1; i < byBetweenness.length; i++)
      expect(after[byBetweenness[i - 1]!.id]!.width).toBeGreaterThanOrEqual(after[byBetweenness[i]!.id]!.width);
    const widths = Object.values(after).map((s) => s.width);
    expect(after[byBetweenness[0]!.id]!.width).toBe(Math.max(...widths));
    expect(after[byBetweenness[0]!.id]!.width).toBeGreaterThan(after[byBetweenness.at(-1)!.id]!.width);
    expect(after["territory:vimy"]!.width).not.toBe(before["territory:vimy"]!.width);
    // Same community, same colour; different communities, different colours (each of them is among the largest).
    for (const a of metrics)
      for (const b of metrics)
        if (a.community === b.community) expect(after[a.id]!.color).toBe(after[b.id]!.color);
        else expect(after[a.id]!.color).not.toBe(after[b.id]!.color);
    expect(after["ally:extracites"]!.color).not.toBe(before["ally:extracites"]!.color);

    const legend = await page.locator("#legend .legend-heading").allTextContents();
    expect(legend[0]).toBe("Couleur : communauté");
    expect(legend[1]).toMatch(/^Taille : rôle de passerelle \(intermédiarité\), de 0 à /);
    expect(await page.locator("#legend .groups li").count()).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get("size")).toBe("betweenness");
    expect(new URL(page.url()).searchParams.get("color")).toBe("community");
    await shot(page, "30-structure-display");

    // Back to the kinds: the kinds' own colours and sizes return.
    await page.selectOption("#display-size", "kind");
    await page.selectOption("#display-color", "kind");
    expect(await nodeStyles(page)).toEqual(before);
    check();
    await context.close();
  });

  it("the timeline shows saison 1, then saison 2, with what appeared in it; play walks through both; the state is in the URL", async () => {
    const { context, page, check } = await visitor();
    await open(page);
    // The fiche: Extracités accompanied Vimy in saison 1 (2021-2022); Bien fait pour ta com in saison 2 (2023-2024).
    expect(await visibleIds(page)).toEqual(expect.arrayContaining(["ally:extracites", "ally:bien-fait-pour-ta-com"]));
    await page.locator("#timeline").fill("0");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("until") === "1");
    let shown = await visibleIds(page);
    expect(shown).toContain("ally:extracites");
    expect(shown).toContain("territory:vimy");
    expect(shown).not.toContain("ally:bien-fait-pour-ta-com");
    expect(shown).not.toContain("cohort:territoires-pilotes-saison-2");
    expect(await page.textContent("#timeline-label")).toMatch(/^Jusqu’à 2021-2022 \(saison 1\) — \d+ nouveaux? dans cette saison$/);
    expect(await page.evaluate(() => (window as any).cy.getElementById("ally:extracites").hasClass("new"))).toBe(true);

    await page.locator("#timeline").fill("1");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("until") === "2");
    shown = await visibleIds(page);
    expect(shown).toEqual(expect.arrayContaining(["ally:extracites", "ally:bien-fait-pour-ta-com", "cohort:territoires-pilotes-saison-2"]));
    expect(await page.evaluate(() => (window as any).cy.getElementById("ally:bien-fait-pour-ta-com").hasClass("new"))).toBe(true);
    expect(await page.evaluate(() => (window as any).cy.getElementById("ally:extracites").hasClass("new"))).toBe(false);
    await shot(page, "31-structure-timeline");

    // The last stop is every season; play starts again from saison 1 and ends on saison 2.
    await page.locator("#timeline").fill("2");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("until"));
    await page.click("#timeline-play");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("until") === "1");
    expect(await page.textContent("#timeline-play")).toBe("Pause");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("until") === "2", undefined, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector("#timeline-play")?.textContent === "Lecture", undefined, { timeout: 10_000 });

    // Reopened from its URL: the same season.
    await open(page, new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await page.inputValue("#timeline")).toBe("1");
    expect(await visibleIds(page)).toContain("ally:bien-fait-pour-ta-com");
    check();
    await context.close();
  });

  it("Structure lists the communities and the brokers with why; a click on a community brings it forward", async () => {
    const data = await api<{
      communities: { id: number; name: string; size: number }[];
      brokers: { entity: { slug: string; name: string } }[];
    }>("{ communities { id name size } brokers(limit: 12) { entity { slug name } } }");
    const listed = data.communities.filter((c) => c.size > 1);
    expect(listed.length).toBeGreaterThan(1);
    expect(data.brokers.length).toBeGreaterThan(0);
    const { context, page, check } = await visitor();
    await open(page);
    await page.waitForSelector(".community-list li");
    expect(await page.locator(".community-list li button").allTextContents()).toEqual(listed.slice(0, 12).map((c) => c.name));
    expect(await page.locator(".broker-list li button").allTextContents()).toEqual(data.brokers.map((b) => b.entity.name));
    const why = await page.locator(".broker-list .broker-why").allTextContents();
    expect(why.length).toBe(data.brokers.length);
    for (const sentence of why) expect(sentence.trim()).toMatch(/^relie (\d+ (communautés|régions|saisons)(, | et )?)+$/);

    const { metrics } = await api<{ metrics: { id: string; community: number }[] }>(
      `{ metrics: entityMetrics(ids: ${JSON.stringify(await visibleIds(page))}) { id community } }`,
    );
    const first = listed[0]!;
    const members = metrics.filter((m) => m.community === first.id).map((m) => m.id);
    expect(members.length).toBe(first.size);
    await page.locator(".community-list li button").first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("community"));
    const faded = (await page.evaluate(() => (window as any).cy.nodes(".outside-community").map((n: any) => n.id()))) as string[];
    const inCommunity = (await visibleIds(page)).filter((id) => !faded.includes(id));
    expect(inCommunity.sort()).toEqual(members.sort());
    expect(await page.textContent(".community-focused")).toContain(first.name);
    await shot(page, "32-structure-panel");
    await page.click(".community-focused button");
    expect(await page.evaluate(() => (window as any).cy.nodes(".outside-community").length)).toBe(0);
    check();
    await context.close();
  });

  it("a named view's link and embed code reopen the same state; the curated views are listed and open theirs", async () => {
    const { context, page, check } = await visitor();
    await open(page);
    await page.selectOption("#filter-theme", "alimentation");
    await page.selectOption("#display-color", "region");
    await page.selectOption("#display-size", "degree");
    await page.fill("#view-name", "Alimentation par région");
    await page.press("#view-name", "Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("title") === "Alimentation par région");
    expect(await page.title()).toBe("Alimentation par région — Alliance de la Fabrique des transitions");
    const styles = await nodeStyles(page);
    expect(Object.keys(styles).length).toBeGreaterThan(0);

    await page.click("#copy-view-link");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const linked = new URL(link);
    expect(Object.fromEntries(linked.searchParams)).toEqual({
      theme: "alimentation",
      size: "degree",
      color: "region",
      title: "Alimentation par région",
    });
    await page.click("#copy-view-embed");
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, "&");
    expect(src).toBe(`${linked.origin}/embed${linked.search}`);
    expect(snippet).toContain('title="Alliance de la Fabrique des transitions — Alimentation par région"');

    const again = await context.newPage();
    await open(again, linked.pathname + linked.search);
    expect(await again.inputValue("#filter-theme")).toBe("alimentation");
    expect(await again.inputValue("#display-color")).toBe("region");
    expect(await again.inputValue("#display-size")).toBe("degree");
    expect(await again.inputValue("#view-name")).toBe("Alimentation par région");
    expect(await nodeStyles(again)).toEqual(styles);
    const embedded = await context.newPage();
    await open(embedded, src!.slice(linked.origin.length));
    expect(Object.keys(await nodeStyles(embedded)).sort()).toEqual(Object.keys(styles).sort());
    expect(await embedded.getAttribute("#open-in-explorer", "href")).toBe(linked.pathname + linked.search);

    // The curated views of seeds/views.yaml, each opening its state.
    expect(await page.locator(".curated-views li a").allTextContents()).toEqual(["Saison 2", "Hauts-de-France", "Alimentation"]);
    await page.click('.curated-views li[data-view="saison-2"] a');
    await page.waitForSelector("#app[data-ready=true]");
    expect(await page.inputValue("#filter-season")).toBe("2");
    expect(await page.inputValue("#display-color")).toBe("community");
    expect(await visibleIds(page)).toContain("ally:bien-fait-pour-ta-com");
    expect(await visibleIds(page)).not.toContain("ally:extracites");
    check();
    await context.close();
  });

  it("Qualité des données lists what the API reports, each entity a link, and exports them as CSV", async () => {
    type Entity = { kind: string; slug: string; name: string };
    const { dataQuality: quality } = await api<{
      dataQuality: Record<"withoutQuote" | "approximatePlaces" | "initiativesWithoutTerritory" | "alliesWithoutTie", Entity[]> & {
        likelyDuplicates: { entities: Entity[] }[];
      };
    }>(
      "{ dataQuality { withoutQuote { kind slug name } approximatePlaces { kind slug name } initiativesWithoutTerritory { kind slug name } alliesWithoutTie { kind slug name } likelyDuplicates { entities { kind slug name } } } }",
    );
    const total =
      quality.withoutQuote.length +
      quality.approximatePlaces.length +
      quality.initiativesWithoutTerritory.length +
      quality.alliesWithoutTie.length +
      quality.likelyDuplicates.reduce((n, g) => n + g.entities.length, 0);
    expect(total).toBeGreaterThan(0);
    const { context, page, check } = await visitor();
    await open(page);
    await page.click("#quality summary");
    await page.waitForSelector("#export-quality");
    for (const list of ["withoutQuote", "approximatePlaces", "initiativesWithoutTerritory", "alliesWithoutTie"] as const) {
      const names = await page.locator(`.quality-list[data-list="${list}"] li a`).allTextContents();
      expect(names).toEqual(quality[list].map((e) => e.name));
    }
    const hrefs = await page.locator(".quality-list li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBe(total);
    expect(hrefs.every((href) => /^\/(territories|allies|initiatives|people|cohorts|themes|sources)\/[^/]+$/.test(href ?? ""))).toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-quality")]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toBe("liste,type,slug,nom,adresse");
    expect(rows.length).toBe(total + 1);
    await shot(page, "33-data-quality");
    check();
    await context.close();
  });

  it("Alliés près de… takes a theme: near Lille on alimentation, Extracités alone", async () => {
    const { context, page, check } = await visitor();
    await open(page);
    await page.fill("#near-place", "Lille");
    await page.selectOption("#near-theme", "alimentation");
    await page.click('#near-form button[type="submit"]');
    await page.waitForSelector(".near-list li");
    expect(await page.locator(".near-list li button").allTextContents()).toEqual(["Extracités"]);
    expect(new URL(page.url()).searchParams.get("nearTheme")).toBe("alimentation");
    check();
    await context.close();
  });
});
