/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";
import { chromiumArgs, chromiumPath } from "../../core/dev/chromium.ts";

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

async function open(url: string, viewport = { width: 1400, height: 860 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${app.url}${url}`);
  await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

/** What window.cy says about a node: the tests drive and read the page through it. */
const nodeState = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const cy = (window as any).cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    const extent = cy.extent();
    const p = node.position();
    return {
      selected: node.selected(),
      visible: !node.hasClass("hidden"), // our filters' verdict (Cytoscape applies the style on its next frame)
      inView: p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2,
      rendered: node.renderedPosition(),
      position: { ...p },
      classes: node.classes(),
      kind: node.data("kind"),
      slug: node.data("slug"),
    };
  }, id);

describe("the explorer in Chromium", () => {
  it("opens on the alliance, every node carrying kind and slug, a legend of what is shown", async () => {
    const page = await open("/");
    const nodes = await page.evaluate(() => (window as any).cy.nodes().map((n: any) => ({ kind: n.data("kind"), slug: n.data("slug") })));
    expect(nodes.length).toBeGreaterThan(30);
    for (const node of nodes) expect(node).toEqual({ kind: expect.any(String), slug: expect.any(String) });
    const legend = await page.$$eval("#legend li[data-kind]", (items) => items.map((item) => (item as HTMLElement).dataset.kind).sort());
    const visibleKinds = await page.evaluate(() =>
      [...new Set((window as any).cy.nodes(":visible").map((n: any) => n.data("kind")))].sort(),
    );
    expect(legend).toEqual(visibleKinds);
    await shot(page, "01-overview");
    await page.close();
  });

  it('search "extracites" and land on Extracités: centred, zoomed, selected, neighbours highlighted', async () => {
    const page = await open("/");
    const overviewZoom = await page.evaluate(() => (window as any).cy.zoom());
    await page.fill('input[type="search"]', "extracites");
    await page.waitForSelector("#search-suggestions li");
    expect(await page.textContent("#search-suggestions li")).toContain("Extracités");
    await page.press('input[type="search"]', "Enter");
    await page.waitForFunction(() => (window as any).cy.getElementById("ally:extracites").selected());
    await page.waitForTimeout(600); // the centring animation
    const state = (await nodeState(page, "ally:extracites"))!;
    const size = await page.evaluate(() => ({
      w: (window as any).cy.width(),
      h: (window as any).cy.height(),
      zoom: (window as any).cy.zoom(),
    }));
    expect(Math.abs(state.rendered.x - size.w / 2)).toBeLessThan(40);
    expect(Math.abs(state.rendered.y - size.h / 2)).toBeLessThan(40);
    expect(size.zoom).toBeGreaterThan(overviewZoom * 1.2);
    for (const id of ["territory:vimy", "territory:lille"]) expect((await nodeState(page, id))!.inView).toBe(true);
    expect((await nodeState(page, "territory:vimy"))!.classes).toContain("highlight");
    expect(await page.textContent("#details h2")).toContain("Extracités");
    expect(new URL(page.url()).pathname).toBe("/allies/extracites");
    await shot(page, "02-search-extracites");
    await page.close();
  });

  it("/initiatives/vertiges-de-labour opens with it selected, Loos-en-Gohelle and Xavier Lacouture in view, its source quoted", async () => {
    const page = await open("/initiatives/vertiges-de-labour");
    await page.waitForTimeout(600);
    expect((await nodeState(page, "initiative:vertiges-de-labour"))!.selected).toBe(true);
    for (const id of ["territory:loos-en-gohelle", "person:xavier-lacouture"]) {
      const state = (await nodeState(page, id))!;
      expect(state.visible).toBe(true);
      expect(state.inView).toBe(true);
    }
    await page.waitForSelector("#details .provenance blockquote");
    expect(await page.textContent("#details .provenance")).toContain("mis en scène par Xavier Lacouture");
    expect(await page.textContent("#details")).toContain("Ville de Vimy - Vertiges de Labour : mettre en récits le « monde agricole »");
    expect(await page.inputValue("#details .embed textarea")).toMatch(
      /<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/initiatives\/vertiges-de-labour"/,
    );
    await shot(page, "03-permalink-vertiges-de-labour");
    await page.close();
  });

  it("a season filter hides what is not of that season, the legend follows, nothing moves", async () => {
    const page = await open("/");
    const before = (await nodeState(page, "ally:extracites"))!.position;
    const viewportBefore = await page.evaluate(() => ({ zoom: (window as any).cy.zoom(), pan: (window as any).cy.pan() }));
    await page.selectOption("#filter-season", "1");
    expect((await nodeState(page, "ally:extracites"))!.visible).toBe(true);
    expect((await nodeState(page, "ally:bien-fait-pour-ta-com"))!.visible).toBe(false);
    expect((await nodeState(page, "initiative:vertiges-de-labour"))!.visible).toBe(false);
    expect((await nodeState(page, "ally:extracites"))!.position).toEqual(before);
    expect(await page.evaluate(() => ({ zoom: (window as any).cy.zoom(), pan: (window as any).cy.pan() }))).toEqual(viewportBefore);
    const legend = await page.$$eval("#legend li[data-kind]", (items) => items.map((item) => (item as HTMLElement).dataset.kind).sort());
    const visibleKinds = await page.evaluate(() =>
      [...new Set((window as any).cy.nodes(":visible").map((n: any) => n.data("kind")))].sort(),
    );
    expect(legend).toEqual(visibleKinds);
    expect(legend).not.toContain("person");
    expect(new URL(page.url()).searchParams.get("season")).toBe("1");
    await shot(page, "04-season-filter");
    await page.close();
  });

  it("switches to the map: territories at their coordinates over France and its régions", async () => {
    const page = await open("/");
    await page.click("#view-map");
    await page.waitForFunction(() => document.getElementById("app")!.dataset.layout === "map");
    await page.waitForTimeout(300);
    const vimy = (await nodeState(page, "territory:vimy"))!.position;
    const lille = (await nodeState(page, "territory:lille"))!.position;
    // Lille lies north-east of Vimy: east is +x, north is -y.
    expect(lille.x).toBeGreaterThan(vimy.x);
    expect(lille.y).toBeLessThan(vimy.y);
    expect(await page.isVisible("canvas.basemap")).toBe(true);
    expect(await page.textContent("#credits")).toContain("Natural Earth");
    expect(new URL(page.url()).searchParams.get("layout")).toBe("map");
    await shot(page, "05-map");
    await page.close();
  });

  it("allies near Lille light up with their distance and the place that makes them near", async () => {
    const page = await open("/");
    await page.fill("#near-place", "lille");
    await page.fill("#near-radius", "30");
    await page.click('#near-form button[type="submit"]');
    await page.waitForSelector(".near-list li");
    const near = await page.evaluate(() =>
      (window as any).cy
        .nodes(".near")
        .map((n: any) => n.data("slug"))
        .sort(),
    );
    expect(near).toEqual(["bien-fait-pour-ta-com", "extracites"]);
    expect(await page.textContent(".near-list")).toContain("0 km, via Lille");
    expect(await page.evaluate(() => document.getElementById("app")!.dataset.layout)).toBe("map");
    expect(await page.getAttribute("#view-map", "aria-pressed")).toBe("true");
    await page.fill("#near-radius", "50");
    await page.click('#near-form button[type="submit"]');
    await page.waitForFunction(() => (window as any).cy.nodes(".near").length === 3);
    expect(await page.textContent(".near-list")).toMatch(/La Fabrique des transitions — 33,9 km, via Vimy/);
    await shot(page, "06-allies-near-lille");
    await page.fill("#near-place", "Saint-Denis");
    await page.click('#near-form button[type="submit"]');
    await page.waitForSelector(".near-results .candidates button");
    expect(await page.textContent(".near-results")).toContain("Saint-Denis (93, Seine-Saint-Denis)");
    await page.close();
  });

  it("how are they connected: the shortest paths between ADEME and Xavier Lacouture", async () => {
    const page = await open("/allies/ademe");
    await page.click("text=Départ du chemin");
    await page.fill('input[type="search"]', "lacouture");
    await page.waitForSelector("#search-suggestions li");
    await page.press('input[type="search"]', "Enter");
    await page.waitForFunction(() => (window as any).cy.getElementById("person:xavier-lacouture").selected());
    await page.click("text=Arrivée du chemin");
    await page.click("#path-submit");
    await page.waitForFunction(() => (window as any).cy.edges(".path").length > 0);
    const onPath = await page.evaluate(() =>
      (window as any).cy
        .nodes(".path")
        .map((n: any) => n.id())
        .sort(),
    );
    expect(onPath).toEqual([
      "ally:ademe",
      "ally:la-fabrique-des-transitions",
      "initiative:vertiges-de-labour",
      "person:xavier-lacouture",
      "territory:vimy",
    ]);
    expect(new URL(page.url()).searchParams.get("from")).toBe("ally:ademe");
    await shot(page, "07-paths");
    await page.close();
  });

  it("/embed/initiatives/vertiges-de-labour: the graph around it and a link to the explorer, nothing else", async () => {
    const page = await open("/embed/initiatives/vertiges-de-labour", { width: 720, height: 480 });
    expect(await page.$("#topbar")).toBeNull();
    expect(await page.$("#controls")).toBeNull();
    expect(await page.getAttribute("#open-in-explorer", "href")).toBe("/initiatives/vertiges-de-labour");
    const ids = await page.evaluate(() => (window as any).cy.nodes().map((n: any) => n.id()));
    expect(ids).toEqual(expect.arrayContaining(["initiative:vertiges-de-labour", "territory:loos-en-gohelle", "person:xavier-lacouture"]));
    expect(ids.length).toBeLessThan(15);
    const response = await page.request.get(`${app.url}/embed/initiatives/vertiges-de-labour`);
    expect(response.headers()["content-security-policy"]).toMatch(/(^|;)frame-ancestors \*(;|$)/);
    await shot(page, "08-embed");
    await page.close();
  });

  it("the list view works with the keyboard alone", async () => {
    const page = await open("/");
    await page.keyboard.press("Tab"); // the skip link comes first
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Liste");
    await page.keyboard.press("Enter");
    await page.waitForSelector("table.entity-list");
    expect(await page.isVisible("#cy")).toBe(false);
    await page.focus("th[aria-sort] button.sort"); // the "Nom" column header
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("th:first-child", "aria-sort")).toBe("descending");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("th:first-child", "aria-sort")).toBe("ascending");
    // Tab to Vimy's row and open it.
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Vimy") break;
    }
    await page.keyboard.press("Enter");
    await page.waitForSelector("#details h2");
    expect(await page.textContent("#details h2")).toContain("Vimy");
    // From Vimy's row, follow the link to one of its neighbours: focus lands on that neighbour's row.
    const neighbourLink = await page.$('tr[id="row-territory_vimy"] td a');
    await neighbourLink!.focus();
    const target = await neighbourLink!.getAttribute("href");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.closest("tr")?.id)).toBe(target!.slice(1));
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none"); // visible keyboard focus
    await shot(page, "09-list-keyboard");
    await page.close();
  });

  it("every state is a URL: copy link, filters and layout in the query string, reopened as they were", async () => {
    const page = await open("/allies/extracites?layout=map&kinds=ally,territory&season=1");
    expect((await nodeState(page, "ally:extracites"))!.selected).toBe(true);
    expect(
      await page.evaluate(() =>
        (window as any).cy
          .nodes(":visible")
          .map((n: any) => n.data("kind"))
          .filter((k: string) => k !== "ally" && k !== "territory"),
      ),
    ).toEqual([]);
    expect(await page.isChecked('input[name="kind"][value="initiative"]')).toBe(false);
    await page.click("#copy-link");
    const copied = await page.getAttribute("#copy-link", "data-copied");
    expect(copied).toBe(`${app.url}/allies/extracites?layout=map&kinds=ally,territory&season=1`);
    await page.close();
  });

  it("exports the view as PNG, and the visible graph as JSON and CSV", async () => {
    const page = await open("/?kinds=ally,territory");
    await page.click("#export-menu summary");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(png.suggestedFilename()).toMatch(/^alliance-.*\.png$/);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const exported = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
    const kinds = new Set(exported.elements.filter((e: any) => e.group === "nodes").map((e: any) => e.data.kind));
    expect([...kinds].sort()).toEqual(["ally", "territory"]);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-nodes-csv")]);
    const lines = fs
      .readFileSync((await csv.path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("id,kind,subkind,slug,label,latitude,longitude,locationApproximate,regionName");
    expect(lines.length - 1).toBe(exported.elements.filter((e: any) => e.group === "nodes").length);
    await page.close();
  });

  it("on a phone: the details come up as a drawer, the panels open from a button", async () => {
    const page = await open("/allies/extracites", { width: 390, height: 844 });
    const drawer = await page.$eval("#details", (element) => getComputedStyle(element).position);
    expect(drawer).toBe("fixed");
    expect(await page.isVisible("#details")).toBe(true);
    const controlsBox = await page.$eval("#controls", (element) => element.getBoundingClientRect().right);
    expect(controlsBox).toBeLessThanOrEqual(0); // off screen until asked for
    await page.click("#panels-toggle");
    await page.waitForTimeout(300);
    expect(await page.$eval("#controls", (element) => element.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await shot(page, "10-phone");
    await page.close();
  });

  it("speaks English when asked", async () => {
    const page = await open("/allies/extracites?lang=en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#view-network")).toBe("Network");
    expect(await page.textContent("#details")).toContain("Expand neighbours");
    await page.close();
  });
});

/** Every page error and failed request from now until the check: a test fails on any, not only at load. */
function watch(page: Page): () => void {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("response", (response) => void (response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`)));
  return () => expect(problems).toEqual([]);
}

describe("words in the page's language", () => {
  const missingPage = async (url: string) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const check = watch(page);
    await page.goto(`${app.url}${url}`);
    await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
    const state = await page.evaluate(() => {
      const cy = (window as any).cy;
      const extent = cy.extent();
      const inView = cy.nodes().filter((n: any) => {
        const p = n.position();
        return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
      }).length;
      return {
        notice: document.querySelector("#notice:not([hidden])")?.textContent ?? null,
        status: document.querySelector("#status")?.textContent ?? "",
        kindBoxes: document.querySelectorAll('#controls input[name="kind"]').length,
        seasons: document.querySelectorAll("#filter-season option").length,
        nearForm: document.querySelector("#near-form") !== null,
        legendItems: document.querySelectorAll("#legend li").length,
        search: document.querySelector('input[type="search"]') !== null,
        overview: document.querySelector<HTMLAnchorElement>("#show-overview")?.getAttribute("href") ?? null,
        nodes: cy.nodes().length,
        inView,
      };
    });
    check();
    return { page, state };
  };

  it("/allies/no-such-ally in French: says so in French, keeps every panel, offers search and the overview", async () => {
    const { page, state } = await missingPage("/allies/no-such-ally");
    expect(state.notice).toContain("Allié « no-such-ally » introuvable.");
    expect(state.notice).not.toMatch(/No ally|slug/);
    expect(state.status).not.toMatch(/No ally/);
    expect(state.kindBoxes).toBe(7); // the seven kinds of the model
    expect(state.seasons).toBeGreaterThan(2); // "Toutes les saisons" and the two seasons of the cohort
    expect(state.nearForm).toBe(true);
    expect(state.legendItems).toBeGreaterThan(0);
    expect(state.search).toBe(true);
    expect(state.overview).toBe("/");
    expect(state.nodes).toBeGreaterThan(20); // the overview is there…
    expect(state.inView).toBe(state.nodes); // …and in view, not panned off to a corner
    await shot(page, "11-missing-entity-fr");
    await page.close();
  });

  it("/allies/no-such-ally in English: says so in English, keeps every panel", async () => {
    const { page, state } = await missingPage("/allies/no-such-ally?lang=en");
    expect(state.notice).toContain('No ally has the slug "no-such-ally"');
    expect(state.notice).toContain("This entity is not (or no longer) in the alliance.");
    expect(state.notice).not.toMatch(/introuvable|Allié/);
    expect(state.kindBoxes).toBe(7);
    expect(state.search).toBe(true);
    expect(state.overview).toBe("/?lang=en");
    expect(state.inView).toBe(state.nodes);
    await page.close();
  });

  it("?lang=en words the collaborators of Bien fait pour ta com in English, with no French sentence", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const check = watch(page);
    await page.goto(`${app.url}/allies/bien-fait-pour-ta-com?lang=en`);
    await page.waitForSelector("#details .collaborators .reasons li", { timeout: 30_000 });
    const reasons = await page.$$eval("#details .collaborators .reasons li", (items) => items.map((li) => li.textContent ?? ""));
    // The fiche: both accompanied Vimy (Extracités in season 1, La Fabrique and Bien fait pour ta com in season 2),
    // and Bien fait pour ta com was chosen for its professional ties with Extracités (a partnership).
    expect(reasons.length).toBeGreaterThan(1);
    expect(reasons).toContain("direct tie: partnership");
    expect(reasons.some((r) => /^both accompanied Vimy \(seasons? [12]( and 2)?\)$/.test(r))).toBe(true);
    for (const reason of reasons) expect(reason).not.toMatch(/\b(ont|tous|deux|accompagné|saisons?|lien direct|partenariat|contribué)\b/);
    const heading = await page.textContent("#details");
    expect(heading).toContain("Worked with");
    check();
    await shot(page, "12-collaborators-en");
    await page.close();
  });
});

/**
 * Large slices are drawn by sigma.js over a headless Cytoscape (client/src/graph/sigma-view.ts).
 * The seeds are small, so ?renderer=sigma asks for it; the bench draws 10 000 and 50 000 elements
 * that way without asking. What is checked is what a person sees and does: the drawing's pixels
 * where Cytoscape's viewport puts a node, a click on it, a drag, a filter, an export.
 */
describe("sigma.js draws large slices, behind the same panels and URL", () => {
  /** Opens a page that fails on any page error or failed request, at any time, not only at load. */
  async function openStrict(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(`${app.url}${url}`);
    await page.waitForSelector("#app[data-ready=true]", { timeout: 30_000 });
    return { page, errors };
  }

  /** The colour of the screen at (x, y), read from a screenshot (decoded by the page's own canvas). */
  async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
    const png = await page.screenshot({ clip: { x: x - 1, y: y - 1, width: 3, height: 3 } });
    return page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(Math.floor(image.width / 2), Math.floor(image.height / 2), 1, 1).data;
      return [r!, g!, b!] as [number, number, number];
    }, png.toString("base64"));
  }

  const rgb = (hex: string): [number, number, number] =>
    [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 12);

  /** A visible node far enough from the others (and their labels, drawn to the right) to be seen alone; its place on screen. */
  const loneNode = (page: Page, kind: string) =>
    page.evaluate((wanted) => {
      const cy = (window as any).cy;
      const box = cy.container().getBoundingClientRect();
      const shown = cy.nodes().filter((n: any) => !n.hasClass("hidden"));
      const candidates = shown.filter((n: any) => n.data("kind") === wanted);
      for (const node of candidates) {
        const p = node.renderedPosition();
        if (p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) continue;
        const crowded = shown.some((other: any) => {
          if (other === node) return false;
          const q = other.renderedPosition();
          // Its disc, or its label running over this one (drawn to its right, some 8 px a character at most).
          const labelWidth = 8 * String(other.data("label") ?? "").length;
          return Math.abs(q.y - p.y) < 30 && q.x - p.x > -Math.max(200, labelWidth + 40) && q.x - p.x < 40;
        });
        if (!crowded) return { id: node.id(), x: box.left + p.x, y: box.top + p.y };
      }
      return null;
    }, kind);

  it("draws each node where Cytoscape's viewport puts it, in its kind's colour; a click selects it, with its URL", async () => {
    const { page, errors } = await openStrict("/?renderer=sigma");
    expect(await page.getAttribute("#cy", "data-renderer")).toBe("sigma");
    expect(await page.locator("#cy canvas").count()).toBeGreaterThan(2); // sigma's layers (edges, nodes, labels…)
    expect(await page.evaluate(() => (window as any).cy.nodes().length)).toBeGreaterThan(30);
    await shot(page, "20-sigma-overview");
    const ally = await loneNode(page, "ally");
    const territory = await loneNode(page, "territory");
    expect(ally).not.toBeNull();
    expect(territory).not.toBeNull();
    // The Okabe–Ito colours of core/model/kind-colors.ts: ally blue, territory bluish green.
    expect(close(await pixel(page, ally!.x, ally!.y), rgb("#0072B2"))).toBe(true);
    expect(close(await pixel(page, territory!.x, territory!.y), rgb("#009E73"))).toBe(true);

    await page.mouse.click(ally!.x, ally!.y);
    await page.waitForFunction((id) => (window as any).cy.getElementById(id).selected(), ally!.id);
    const slug = await page.evaluate((id) => (window as any).cy.getElementById(id).data("slug"), ally!.id);
    await page.waitForFunction((s) => location.pathname === `/allies/${s}`, slug);
    const label = await page.evaluate((id) => (window as any).cy.getElementById(id).data("label"), ally!.id);
    expect(await page.textContent("#details")).toContain(label);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a drag pans Cytoscape's viewport and the picture with it; a filter hides the node in the drawing; the PNG export is sigma's drawing", async () => {
    const { page, errors } = await openStrict("/?renderer=sigma");
    const before = await page.evaluate(() => ({ ...(window as any).cy.pan() }));
    const lone = (await loneNode(page, "territory"))!;
    expect(lone).not.toBeNull();
    const box = (await page.locator("#cy").boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height - 20);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 8, box.y + box.height - 20 - i * 4);
    await page.waitForTimeout(400); // held still before release: no inertia, the view stays where it was dragged
    // Mid-drag, the picture (moved as one, not drawn again) shows the node where Cytoscape now puts it.
    const moved = { x: lone.x + 80, y: lone.y - 40 };
    expect(close(await pixel(page, moved.x, moved.y), rgb("#009E73"))).toBe(true);
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => ({ ...(window as any).cy.pan() }));
    expect(after.x - before.x).toBeCloseTo(80, -1);
    expect(after.y - before.y).toBeCloseTo(-40, -1);
    // Drawn again at the camera the drag left: the node is still there.
    expect(close(await pixel(page, moved.x, moved.y), rgb("#009E73"))).toBe(true);

    const territory = (await loneNode(page, "territory"))!;
    expect(territory).not.toBeNull();
    expect(close(await pixel(page, territory.x, territory.y), rgb("#009E73"))).toBe(true);
    await page.uncheck('input[name="kind"][value="territory"]');
    await page.waitForFunction((id) => (window as any).cy.getElementById(id).hasClass("hidden"), territory.id);
    await page.waitForTimeout(300); // sigma draws at the next frame
    expect(close(await pixel(page, territory.x, territory.y), rgb("#009E73"))).toBe(false);
    expect(new URL(page.url()).searchParams.get("kinds")).not.toContain("territory");

    await page.click("#export-menu summary");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(2 * Math.round(box.width)); // twice the screen's resolution, as Cytoscape's export
    expect(bytes.length).toBeGreaterThan(20_000); // a drawing, not a blank page
    expect(errors).toEqual([]);
    await page.close();
  });
});
