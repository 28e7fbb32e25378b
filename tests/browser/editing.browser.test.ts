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
import { logInThroughPage, watchedPage } from "../helpers/watched-page.ts";

const screenshots = path.resolve("test-results/screenshots");
let database: Database;
let app: TestApp;
let browser: Browser;
const desktop = { width: 1400, height: 900 };
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  database = await openTestDatabase();
  await resetToSeeds(database);
  await deleteTestAccounts(database);
  await createTestAccounts(database, { editor: "edith", contributor: "colin" });
  app = await startTestApp(database);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await deleteTestAccounts(database);
  await resetToSeeds(database);
  await database?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

/** A browser of its own (its own cookies), failing the test on any page error, failed request or HTTP error. */
const visitor = (viewport = desktop) => watchedPage(browser, { viewport });

async function open(page: Page, url = "/"): Promise<void> {
  await page.goto(`${app.url}${url}`);
  await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
}

const logIn = logInThroughPage;

/** Fills the open change dialog's source as a first-hand statement, with its quote. */
async function statement(page: Page, quote: string): Promise<void> {
  const dialog = page.locator("dialog.change-dialog[open]");
  await dialog.locator('input[type="radio"][value="statement"]').check();
  await dialog.locator('textarea[name="source-quote"]').fill(quote);
}

const hasNode = (page: Page, id: string) => page.evaluate((nodeId) => (window as any).cy.getElementById(nodeId).nonempty(), id);
const hasEdge = (page: Page, source: string, type: string, target: string) =>
  page.evaluate(
    ([s, ty, t]) => (window as any).cy.edges().some((e: any) => e.data("source") === s && e.data("type") === ty && e.data("target") === t),
    [source, type, target],
  );

describe("a private deployment, and the words in English", () => {
  it("shows an anonymous visitor only the login (PUBLIC_READ=false), and the explorer once logged in", async () => {
    const closed = await startTestApp(database, { PUBLIC_READ: "false" });
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      await page.goto(`${closed.url}/`);
      await page.waitForSelector(".login-dialog[open]");
      expect(await page.textContent(".login-dialog")).toContain("Cet explorateur est privé");
      expect(await page.evaluate(() => typeof (window as any).cy?.nodes)).toBe("undefined"); // no graph drawn, nothing read
      await page.fill('.login-dialog input[name="username"]', "colin");
      await page.fill('.login-dialog input[name="password"]', "colin-password");
      await Promise.all([page.waitForEvent("load"), page.click('.login-dialog button[type="submit"]')]);
      await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
      expect(await page.evaluate(() => (window as any).cy.nodes().length)).toBeGreaterThan(30);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await closed.close();
    }
  });

  it("words editing in English when the page is in English", async () => {
    const { context, page, check } = await visitor();
    await open(page, "/allies/extracites?lang=en");
    await page.waitForSelector("#suggest");
    expect(await page.textContent("#login")).toBe("Log in");
    expect(await page.textContent("#suggest")).toBe("Suggest a correction");
    await page.click("#suggest");
    const form = page.locator("dialog.change-dialog[open]");
    expect(await form.locator("legend").textContent()).toBe("Source *");
    expect(await form.locator('button[type="submit"]').textContent()).toBe("Send the suggestion");
    await form.locator('input[type="radio"][value="statement"]').check();
    await form.locator('input[name="statement-on"]').fill("");
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('input[name="statement-on"] ~ .field-error').textContent()).toBe("Required.");
    check();
    await context.close();
  });
});

describe("editing in the explorer", () => {
  it("an editor logs in, adds an ally based in Arras with a source, links it to Vimy, finds it near Arras, reads its history and reverts", async () => {
    const { context, page, check, problems } = await visitor();
    await open(page);
    await logIn(page, "edith", problems);
    expect(await page.textContent("#signed-in")).toBe("edith (éditeur)");

    // Nouvelle entité: an ally; a missing name is said at the field, in French, before anything is sent.
    await page.click("#new-entity");
    await page.selectOption("#new-entity-kind", "ally");
    await page.click('dialog[open] button[type="submit"]');
    const form = page.locator("dialog.change-dialog[open]");
    await form.locator('select[name="kind"]').selectOption("association");
    await form.locator('input[name="basedIn"]').fill("Arras");
    await statement(page, "L'Atelier de la Scarpe est une association d'Arras.");
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('input[name="name"] ~ .field-error').textContent()).toBe("Obligatoire.");
    await form.locator('input[name="name"]').fill("Atelier de la Scarpe");
    expect(await form.locator('input[name="slug"]').inputValue()).toBe("atelier-de-la-scarpe");
    await shot(page, "20-editing-new-ally");
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector("#edit-status")?.textContent === "Modification enregistrée.");
    expect(await hasNode(page, "ally:atelier-de-la-scarpe")).toBe(true);
    expect(await hasNode(page, "territory:arras")).toBe(true);
    expect(await hasEdge(page, "ally:atelier-de-la-scarpe", "BASED_IN", "territory:arras")).toBe(true);

    // Ajouter un lien: the other end found by search; ACCOMPANIED asks for its season.
    await page.click("#add-link");
    const link = page.locator("dialog.change-dialog[open]");
    const accompanied = await link
      .locator('select[name="link-type"] option')
      .evaluateAll((options) =>
        options.filter((o) => o.textContent!.startsWith("→ a accompagné")).map((o) => (o as HTMLOptionElement).value),
      );
    expect(accompanied).toHaveLength(1);
    await link.locator('select[name="link-type"]').selectOption(accompanied[0]!);
    // The other end may be clicked in the graph (the form is not modal): a commune is an ally's to accompany.
    // void: emit() returns the collection, which Playwright would serialise with the whole Cytoscape core
    // behind it (10 s of the renderer, and once a crash).
    await page.evaluate(() => void (window as any).cy.getElementById("territory:loos-en-gohelle").emit("tap"));
    expect(await link.locator(".picked").textContent()).toBe("Choisi : Loos-en-Gohelle");
    await link.locator('input[name="link-other"]').fill("Vimy");
    await link.locator(".link-results button", { hasText: "Vimy" }).first().click();
    expect(await link.locator(".picked").textContent()).toBe("Choisi : Vimy");
    await link.locator('input[name="season"]').fill("2");
    await statement(page, "L'Atelier de la Scarpe a accompagné Vimy en saison 2.");
    await link.locator('button[type="submit"]').click();
    await page.waitForFunction(() =>
      (window as any).cy.edges().some((e: any) => e.data("type") === "ACCOMPANIED" && e.data("source") === "ally:atelier-de-la-scarpe"),
    );

    // Alliés près de… Arras: based there, 0 km.
    await page.fill("#near-place", "Arras");
    await page.click('#near-form button[type="submit"]');
    await page.waitForSelector(".near-list li");
    expect(await page.textContent(".near-list")).toMatch(/Atelier de la Scarpe — 0 km, via Arras/);

    // Its history: two changes, newest first; revert the link.
    // void: emit() returns the collection, which Playwright would serialise with the whole Cytoscape core
    // behind it (10 s of the renderer, and once a crash).
    await page.evaluate(() => void (window as any).cy.getElementById("ally:atelier-de-la-scarpe").emit("tap"));
    await page.waitForSelector(".history-entry");
    expect(await page.locator(".history-entry").count()).toBe(2);
    await shot(page, "21-editing-history");
    await page.locator(".history-entry").first().locator("button.revert").click();
    await page.locator(".history-entry").first().locator("textarea").fill("Lien saisi par erreur");
    await page.locator(".history-entry").first().locator("button.revert").click();
    await page.waitForFunction(
      () =>
        !(window as any).cy.edges().some((e: any) => e.data("type") === "ACCOMPANIED" && e.data("source") === "ally:atelier-de-la-scarpe"),
    );
    await page.waitForFunction(() => document.querySelector("#edit-status")?.textContent === "Modification annulée.");
    expect(await hasEdge(page, "ally:atelier-de-la-scarpe", "BASED_IN", "territory:arras")).toBe(true);
    check();
    await context.close();
  });

  it("a contributor proposes, an editor accepts; a wrong quote is shown at its field", async () => {
    const contributor = await visitor();
    await open(contributor.page, "/allies/extracites");
    await logIn(contributor.page, "colin", contributor.problems);
    expect(await contributor.page.isVisible("#review")).toBe(false); // editors review
    await contributor.page.click("#edit-entity");
    const form = contributor.page.locator("dialog.change-dialog[open]");
    await form.locator('textarea[name="description"]').fill("Coopérative d'urbanistes lilloise");
    // A known source whose text is known: the quote must be in it, word for word.
    await form.locator('input[type="radio"][value="existing"]').check();
    await form.locator('select[name="source-slug"]').selectOption("territoires-pilotes-saison-2-vimy");
    await form.locator('textarea[name="source-quote"]').fill("Extracités est une coopérative d'urbanistes lilloise.");
    await form.locator('button[type="submit"]').click();
    await form.locator('textarea[name="source-quote"][aria-invalid="true"]').waitFor();
    expect(await form.locator('textarea[name="source-quote"] ~ .field-error').textContent()).toMatch(
      /n'est pas dans le texte de la source/,
    );
    await shot(contributor.page, "22-editing-quote-refused");
    await statement(contributor.page, "Extracités est une coopérative d'urbanistes lilloise.");
    await form.locator('button[type="submit"]').click();
    await contributor.page.waitForFunction(
      () => document.querySelector("#edit-status")?.textContent === "Proposition envoyée : un éditeur la relira.",
    );
    contributor.check();
    await contributor.context.close();

    const editor = await visitor();
    await open(editor.page, "/allies/extracites");
    await logIn(editor.page, "edith", editor.problems);
    await editor.page.waitForFunction(() => document.querySelector("#review")?.textContent === "À relire (1)");
    await editor.page.click("#review");
    const entry = editor.page.locator(".review-entry").first();
    expect(await entry.textContent()).toMatch(/proposition par colin/);
    expect(await entry.textContent()).toMatch(/Coopérative d'urbanistes lilloise/);
    await shot(editor.page, "23-editing-review");
    await entry.locator("button.accept").click();
    await editor.page.waitForFunction(() => document.querySelector("#edit-status")?.textContent === "Modification acceptée et appliquée.");
    expect(await editor.page.evaluate(() => (window as any).cy.getElementById("ally:extracites").data("description"))).toBe(
      "Coopérative d'urbanistes lilloise",
    ); // the status is said once the graph shows the change
    editor.check();
    await editor.context.close();
  });

  it("on a phone, a visitor sees no edit controls, suggests a correction, and an editor rejects it", async () => {
    const guest = await visitor(phone);
    await open(guest.page, "/allies/bien-fait-pour-ta-com");
    await guest.page.waitForSelector("#details:not([hidden])");
    for (const control of ["#edit-entity", "#add-link", "#delete-entity", "#new-entity", "#review"])
      expect(await guest.page.locator(control).count(), control).toBe(0);
    await guest.page.click("#suggest");
    const form = guest.page.locator("dialog.change-dialog[open]");
    await form.locator('textarea[name="description"]').fill("Une coopérative de communication de Lille");
    await form.locator('input[type="radio"][value="statement"]').check();
    await form.locator('input[name="statement-by"]').fill("Une lectrice");
    await form.locator('textarea[name="source-quote"]').fill("Bien fait pour ta com est à Lille.");
    await shot(guest.page, "24-editing-suggestion-phone");
    await form.locator('button[type="submit"]').click();
    await guest.page.waitForFunction(
      () => document.querySelector("#edit-status")?.textContent === "Proposition envoyée : un éditeur la relira.",
    );
    guest.check();
    await guest.context.close();

    const editor = await visitor(phone);
    await open(editor.page);
    await logIn(editor.page, "edith", editor.problems);
    await editor.page.click("#review");
    const entry = editor.page.locator(".review-entry").first();
    expect(await entry.textContent()).toMatch(/suggestion d'un visiteur par visitor/);
    await entry.locator("button.reject").click();
    expect(await entry.locator(".field-error").textContent()).toMatch(/Obligatoire/);
    await entry.locator("textarea").fill("Source insuffisante");
    await entry.locator("button.reject").click();
    await editor.page.waitForFunction(() => document.querySelector("#edit-status")?.textContent === "Modification rejetée.");
    await editor.page.waitForSelector(".review-panel .muted");
    expect(await editor.page.textContent(".review-panel")).toContain("Rien à relire.");
    editor.check();
    await editor.context.close();
  });
});
