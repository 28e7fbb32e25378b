import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** Fails the test if anything went wrong since the page opened: call it at the end, not only after the load. */
  check: () => void;
}

/**
 * A page in a browser context of its own (its own cookies), that records every page error, failed
 * request, HTTP error and anything the Content-Security-Policy refused, for the whole test.
 */
export async function watchedPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; clipboardFor?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  if (options.clipboardFor) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: options.clipboardFor });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("response", (response) => void (response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`)));
  page.on("console", (message) => void (/Content Security Policy/i.test(message.text()) && problems.push(`CSP: ${message.text()}`)));
  return { context, page, problems, check: () => expect(problems).toEqual([]) };
}

/** Opens a path of the test app and waits for the explorer to be drawn. */
export async function openExplorer(page: Page, baseUrl: string, url = "/"): Promise<void> {
  await page.goto(`${baseUrl}${url}`);
  await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
}

/**
 * Logs in through the page's own dialog (the password is the test accounts' `NAME-password`); the
 * page reloads with its session, and the requests it cut short then are not failures.
 */
export async function logInThroughPage(page: Page, username: string, problems?: string[]): Promise<void> {
  await page.click("#login");
  await page.fill('.login-dialog input[name="username"]', username);
  await page.fill('.login-dialog input[name="password"]', `${username}-password`);
  await Promise.all([page.waitForEvent("load"), page.click('.login-dialog button[type="submit"]')]);
  await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
  await page.waitForSelector("#signed-in");
  if (problems) for (let i = problems.length - 1; i >= 0; i -= 1) if (problems[i]!.endsWith("net::ERR_ABORTED")) problems.splice(i, 1);
}
