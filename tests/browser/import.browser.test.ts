/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../core/dev/chromium.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { createTestAccounts, deleteTestAccounts } from "../helpers/accounts.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";
import { logInThroughPage, openExplorer, watchedPage } from "../helpers/watched-page.ts";

/**
 * *Importer*, as the Fabrique's staff use it: a contributor drops a 300-row CSV of allies with French
 * headers, which maps itself; the preview shows the problems at their cells, one is fixed with a commune
 * the page proposes; the rows go into *À relire*; an editor accepts, and the allies stand on the map in
 * their communes and among the allies near Lille. Then a PDF fiche, applied at once by an editor.
 */
const screenshots = path.resolve("test-results/screenshots");
const sheet = path.resolve("tests/imports/allies-hauts-de-france.csv");
const fiche = path.resolve("tests/fiches/pdf/fiche-02-mormal.pdf");
let database: Database;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  database = await openTestDatabase();
  await resetToSeeds(database);
  await deleteTestAccounts(database);
  await createTestAccounts(database, { editor: "imogen", contributor: "ines" });
  app = await startTestApp(database, { RATE_LIMIT_IMPORT: "100" });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await deleteTestAccounts(database);
  await resetToSeeds(database);
  await database?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false });

async function logIn(page: Page, username: string, problems: string[]): Promise<void> {
  await openExplorer(page, app.url);
  await logInThroughPage(page, username, problems);
}

/** The rows the preview shows on its current page: line, action and the slug it creates or updates. */
const shownRows = (page: Page) =>
  page.$$eval(".import-rows tbody tr[data-line]", (rows) =>
    rows.map((row) => ({
      line: Number((row as HTMLElement).dataset.line),
      action: (row as HTMLElement).dataset.action!,
      slug: row.querySelector("code")?.textContent ?? null,
      text: row.textContent ?? "",
    })),
  );

/** Rows of the labelled file (tests/imports/allies-hauts-de-france.csv.labels.json, written with the file, not by the importer). */
const labels = JSON.parse(fs.readFileSync(`${sheet}.labels.json`, "utf8")).rows as Record<
  string,
  { commune: string | null; duplicate: string | null }
>;

describe("Importer in the page", () => {
  it("a contributor's 300-row CSV maps itself, shows its problems at their cells, goes into À relire; accepted, its allies are on the map and near Lille", async () => {
    const contributor = await watchedPage(browser);
    const { page } = contributor;
    await logIn(page, "ines", contributor.problems);
    expect(await page.textContent("#import")).toBe("Importer");
    await page.click("#import");
    await page.waitForSelector("dialog.import-dialog[open]");
    expect(await page.textContent("#import-title")).toBe("Importer une liste ou une fiche");
    await page.setInputFiles("#import-file", sheet);
    await page.waitForSelector("#import-counts", { timeout: 60_000 });

    // The columns, guessed from their French headers; the e-mail column is shown, not imported.
    expect(await page.textContent("#mapping-from")).toMatch(/devinée/i);
    const mapping = await page.$$eval(".import-columns select", (selects) =>
      selects.map((s) => [(s as HTMLSelectElement).dataset.header, (s as HTMLSelectElement).value]),
    );
    expect(mapping).toEqual([
      ["Nom", "name"],
      ["Type de structure", "kind"],
      ["Commune", "place:commune"],
      ["Code postal", "place:postcode"],
      ["Site web", "website"],
      ["SIREN", "siren"],
      ["Courriel", ""],
    ]);
    expect(await page.textContent("#import-status")).toBe("allies-hauts-de-france.csv (CSV), 300 lignes");

    // The preview opens on the rows with problems, each at its cell; an unclear commune comes with the communes it may be.
    expect(await page.getAttribute('.import-filters [data-filter="problem"]', "aria-selected")).toBe("true");
    const problemRows = await shownRows(page);
    expect(problemRows.length).toBeGreaterThan(3);
    for (const row of problemRows) expect(row.action).toBe("problem");
    const flagged = problemRows.filter((row) => labels[row.line]?.commune === "flag");
    expect(flagged.length).toBeGreaterThan(0);
    const first = page.locator(`.import-rows tr[data-line="${flagged[0]!.line}"]`);
    expect(await first.locator("td.cell-problem input[aria-invalid=true]").count()).toBeGreaterThan(0);
    expect(await first.locator("td.cell-problem .field-error").first().textContent()).toBeTruthy();
    await shot(page, "40-import-preview");

    // Fixed with a commune the page proposes: the preview is made again, and the row now creates its ally.
    const withCandidates = page
      .locator(".import-rows tr[data-line]")
      .filter({ has: page.locator("button.candidate") })
      .first();
    const fixedLine = Number(await withCandidates.getAttribute("data-line"));
    const chosen = (await withCandidates.locator("button.candidate").first().textContent())!; // "Le Verguier (02, Aisne)"
    await withCandidates.locator("button.candidate").first().click();
    await page.waitForSelector("#import-refresh:not([hidden])");
    await page.click("#import-refresh");
    await page.waitForFunction((line) => document.querySelector(`.import-rows tr[data-line="${line}"]`) === null, fixedLine, {
      timeout: 60_000,
    }); // no longer among the problems
    await page.click('.import-filters [data-filter="all"]');
    const fixedRow = async () => {
      for (;;) {
        const row = (await shownRows(page)).find((r) => r.line === fixedLine);
        if (row) return row;
        await page.click(".import-pager button:last-child");
      }
    };
    expect((await fixedRow()).action).toMatch(/^(create|update|unchanged)$/);

    // The graph's allies repeated in the file are updates (only what they add) or unchanged, never new.
    await page.click('.import-filters [data-filter="create"]');
    const created = await shownRows(page);
    expect(created.length).toBe(50); // a page
    for (const row of created) expect(labels[row.line]!.duplicate ?? "").not.toMatch(/^graph:/);

    // Where in Lille? A created row of the labels placed in Lille (59350).
    const inLille = Object.entries(labels).find(([, l]) => l.commune === "59350" && l.duplicate === null)!;
    expect(inLille).toBeDefined();

    await page.fill('input[name="source-publisher"]', "Réseau de test");
    expect(await page.inputValue('input[name="source-title"]')).toBe("allies-hauts-de-france");
    await page.fill('input[name="source-year"]', "2026");
    expect(await page.isVisible("#import-apply")).toBe(false); // a contributor proposes
    await page.click("#import-send");
    await page.waitForFunction(() => /^Envoyé en relecture/.test(document.querySelector("#import-status")?.textContent ?? ""), null, {
      timeout: 60_000,
    });
    await shot(page, "41-import-sent");
    contributor.check();
    await contributor.context.close();

    // An editor accepts it in À relire.
    const editor = await watchedPage(browser);
    await logIn(editor.page, "imogen", editor.problems);
    await editor.page.waitForFunction(() => document.querySelector("#review")?.textContent === "À relire (1)");
    await editor.page.click("#review");
    const entry = editor.page.locator(".review-entry").first();
    expect(await entry.textContent()).toContain("allies-hauts-de-france");
    await entry.locator("button.accept").click();
    const t0 = Date.now();
    await editor.page.waitForFunction(
      () => document.querySelector("#edit-status")?.textContent === "Modification acceptée et appliquée.",
      null,
      {
        timeout: 60_000,
      },
    );

    // The panel shows what is left to review once the graph has drawn the change.
    await editor.page.waitForFunction(() => document.querySelector(".review-panel")?.textContent?.includes("Rien à relire."), null, {
      timeout: 60_000,
    });
    console.log(`accepted and drawn in ${Date.now() - t0} ms`);
    await editor.page.click(".review-panel .dialog-actions button");
    // On the map, each ally in its commune: a BASED_IN edge to the commune the labels give.
    const slugs = created.map((row) => row.slug!).filter(Boolean);
    expect(slugs.length).toBe(50);
    await editor.page.click("#view-map");
    await editor.page.waitForFunction(() => document.getElementById("app")!.dataset.layout === "map");
    const placed = await editor.page.evaluate(
      (list) =>
        list.map((slug) => {
          const cy = (window as any).cy;
          const node = cy.getElementById(`ally:${slug}`);
          const edge = node.connectedEdges().filter((e: any) => e.data("type") === "BASED_IN")[0];
          const commune = edge ? cy.getElementById(edge.data("target")) : null;
          return { slug, drawn: node.nonempty(), commune: commune?.data("inseeCode") ?? null, communeName: commune?.data("label") ?? null };
        }),
      slugs,
    );
    expect(placed.filter((p) => !p.drawn)).toEqual([]);
    const byLine = new Map(created.map((row) => [row.slug, row.line]));
    for (const p of placed)
      if (byLine.get(p.slug) === fixedLine)
        expect(chosen).toContain(`${p.communeName} (`); // where the user said
      else expect([p.slug, p.commune]).toEqual([p.slug, labels[byLine.get(p.slug)!]!.commune]);
    await shot(editor.page, "42-import-on-the-map");

    // Among the allies near Lille, by the name of its row.
    const name = fs.readFileSync(sheet, "latin1").split(/\r?\n/)[Number(inLille[0]) - 1]!.split(";")[0]!;
    await editor.page.fill("#near-place", "Lille");
    await editor.page.fill("#near-radius", "5");
    await editor.page.click('#near-form button[type="submit"]');
    await editor.page.waitForSelector(".near-list li");
    expect(await editor.page.textContent(".near-list")).toContain(`${name} — 0 km, via Lille`);
    // …and lit up on the map, inside the view.
    await editor.page.waitForTimeout(600); // the view's move to the circle
    const inView = await editor.page.evaluate(() => {
      const cy = (window as any).cy;
      const { w, h } = { w: cy.width(), h: cy.height() };
      return cy.nodes(".near").map((n: any) => {
        const p = n.renderedPosition();
        return { label: n.data("label"), inside: p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h && n.visible() };
      });
    });
    expect(inView).toContainEqual({ label: name, inside: true }); // (an ally based in several places stands at one of them)
    await shot(editor.page, "43-import-near-lille");
    editor.check();
    await editor.context.close();
  }, 240_000);

  it("an editor drops a PDF fiche: its draft with the sentence behind each fact, applied at once", async () => {
    const editor = await watchedPage(browser);
    const { page } = editor;
    await logIn(page, "imogen", editor.problems);
    await page.click("#import");
    await page.setInputFiles("#import-file", fiche);
    await page.waitForSelector(".fiche-preview", { timeout: 60_000 });
    expect(await page.textContent("#fiche-problems")).toBe("aucune");
    const entities = await page.$$eval(".fiche-entities > li", (items) => items.map((li) => (li as HTMLElement).dataset.key));
    expect(entities.length).toBeGreaterThan(5);
    // Ricochet is named by the fiche with the sentence that says so.
    const ricochet = page.locator(".fiche-entities > li").filter({ hasText: "Ricochet" }).first();
    expect(await ricochet.locator("blockquote").first().textContent()).toMatch(/^« .*Ricochet.* »$/s);
    expect(await page.locator(".fiche-relationships > li").count()).toBeGreaterThan(3);
    await shot(page, "44-import-fiche");
    await page.click("#import-apply");
    await page.waitForFunction(() => /^Appliqué/.test(document.querySelector("#import-status")?.textContent ?? ""), null, {
      timeout: 60_000,
    });
    await page.waitForFunction(() => (window as any).cy.getElementById("ally:ricochet").nonempty());
    await page.waitForFunction(() => (window as any).cy.getElementById("territory:cc-du-pays-de-mormal").nonempty());
    const { records } = await database.driver.executeQuery(
      "MATCH (a:Ally {slug: 'ricochet'})-[r]-() RETURN count(r) AS n, collect(DISTINCT r.source) AS sources",
      {},
      { database: database.database },
    );
    expect(Number(records[0]!.get("n"))).toBeGreaterThan(0);
    expect(records[0]!.get("sources")).toContain("fiche-02-mormal");
    editor.check();
    await editor.context.close();
  });
});
