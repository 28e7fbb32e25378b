/// <reference lib="dom" />
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../core/dev/chromium.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";

// GET /graphql in a browser: GraphiQL, bundled from npm, working with no network but this server.
let database: Database;
let app: TestApp;
let productionApp: TestApp;
let browser: Browser;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  app = await startTestApp(database);
  productionApp = await startTestApp(database, { NODE_ENV: "production" });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await productionApp?.close();
  await database?.close();
});

// What Chromium sends when one types an address.
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the GraphQL IDE", () => {
  it("loads at /graphql with every request but those to 127.0.0.1 blocked, and runs a query", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
      outside.push(url.href);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
    page.on("response", (response) => void (response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`)));
    page.on(
      "console",
      (message) => void (/Content Security Policy|Refused to/i.test(message.text()) && problems.push(message.text().slice(0, 200))),
    );
    const response = await page.goto(`${app.url}/graphql`);
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
    await page.waitForSelector(".graphiql-container .monaco-editor", { timeout: 30_000 });
    // The default query asks for the brokers and the allies near Lille; run it. (Monaco draws only the
    // lines in view: the whole answer is read from the response, its first lines from the page.)
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("alliesNear")),
      page.click(".graphiql-execute-button"),
    ]);
    const body = await answer.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.brokers.length).toBeGreaterThan(0);
    expect(body.data.alliesNear.map((hit: { ally: { name: string } }) => hit.ally.name)).toContain("Extracités"); // based in Lille (the fiche)
    await page.waitForFunction(
      (first) => (document.querySelector(".result-window")?.textContent ?? "").replace(/\s+/g, " ").includes(first), // Monaco writes no-break spaces
      `"name": "${body.data.brokers[0].entity.name}"`,
      { timeout: 20_000 },
    );
    await page.screenshot({ path: path.resolve("test-results/screenshots/34-graphiql.png") });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("is for browsers only, and off under NODE_ENV=production unless GRAPHQL_IDE says otherwise", async () => {
    const asJson = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: browserAccept } });
    expect(await asJson.json()).toEqual({ data: { __typename: "Query" } }); // a query in the address is a query
    const api = await fetch(`${app.url}/graphql`, { headers: { accept: "application/json" } });
    expect(api.headers.get("content-type")).not.toMatch(/text\/html/);
    const production = await fetch(`${productionApp.url}/graphql`, { headers: { accept: browserAccept } });
    expect(production.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(production.status).toBe(400); // Apollo: a GET without a query
  });
});
