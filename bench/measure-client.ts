import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../core/dev/chromium.ts";
import { startApiServer } from "./api-server.ts";
import { startRendererPage, type RendererPage } from "./renderer-page.ts";
import type { BenchNeo4j } from "./bench-neo4j.ts";
import { median, percentile, round } from "./stats.ts";

export interface ClientRow {
  targetElements: number;
  elements: number; // nodes + edges the page received
  layout: "network" | "map";
  renderer: string;
  firstRenderMs: number; // data received → first complete render (median)
  expandMs: number; // click on "Déplier" → expanded neighbourhood drawn
  panFrameP50Ms: number;
  panFrameP95Ms: number;
  serverLayoutMs: number; // the server's one-off layout of that slice (not in firstRenderMs)
  styling: string; // "" (by kind), or what the nodes are sized and coloured by (the Affichage panel)
  serverMetricsMs: number; // the server's one-off metrics of the graph version (not in firstRenderMs)
}

/** The same overview elements drawn by a bare renderer page (bench/renderers): no panels, no explorer. */
export interface RendererRow {
  targetElements: number;
  elements: number;
  renderer: "sigma" | "cytoscape-canvas" | "cytoscape-webgl";
  firstRenderMs: number; // elements parsed → first frame drawn (median)
  panFrameP50Ms: number;
  panFrameP95Ms: number;
}

export const renderers: RendererRow["renderer"][] = ["sigma", "cytoscape-canvas", "cytoscape-webgl"];

export interface ClientResult {
  rows: ClientRow[];
  renderers: RendererRow[];
  webgl2Available: boolean;
  webglRenderer: string;
  screenshots: string[];
}

/** Measured in the page: data → first render, from the explorer's performance marks. */
const inPageMeasure = `(() => {
  const cy = window.cy;
  const data = performance.getEntriesByName("alliance:data")[0].startTime;
  const rendered = performance.getEntriesByName("alliance:rendered")[0].startTime;
  // The node of the fewest shown neighbours is the likeliest to have more to show.
  const allies = cy.nodes('[kind = "ally"]:visible').sort((a, b) => a.degree() - b.degree());
  const box = cy.container().getBoundingClientRect();
  return { renderMs: rendered - data, elements: cy.elements().length, renderer: cy.container().dataset.renderer, expandId: allies.length ? allies[0].id() : cy.nodes(":visible")[0].id(), x: box.left + 12, y: box.top + 12 };
})()`;

/** Frame times while a person drags the view: recorded by requestAnimationFrame in the page. */
async function panFrames(page: import("playwright-core").Page, x: number, y: number): Promise<number[]> {
  await page.evaluate(`(() => { window.__frames = []; let last = performance.now(); window.__recording = true;
    const step = (now) => { window.__frames.push(now - last); last = now; if (window.__recording) requestAnimationFrame(step); };
    requestAnimationFrame(step); })()`);
  // A drag on empty background pans the view, as a person's would (Cytoscape's texture and
  // edge-hiding apply to gestures, not to programmatic pans).
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(x + i * 6, y + i * 3);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  const frames = (await page.evaluate(`(() => { window.__recording = false; return window.__frames; })()`)) as number[];
  return frames.slice(2);
}

/**
 * How many entities the overview must hold for about `target` elements (nodes and edges). One query
 * ranks the entities as overview.cypher does and gives, for each relationship, the rank of its
 * lower-ranked end: the overview of the first N entities holds the relationships whose rank is below N.
 */
async function limitFor(neo: BenchNeo4j, target: number): Promise<{ limit: number; elements: number }> {
  const { records } = await neo.driver.executeQuery(
    `MATCH (n) WHERE NOT n:GraphVersion
     WITH n, COUNT { (n)--() } - COUNT { (n)-[:SOURCED_FROM]-() } AS degree
     WHERE NOT (n:Source AND degree = 0)
     ORDER BY degree DESC, n.slug
     WITH collect(elementId(n)) AS ranked
     WITH ranked, apoc.map.fromLists(ranked, range(0, size(ranked) - 1)) AS rankOf
     UNWIND ranked AS id
     MATCH (a)-[r]->(b) WHERE elementId(a) = id AND type(r) <> 'SOURCED_FROM'
     WITH ranked, rankOf, r, apoc.coll.max([rankOf[id], rankOf[elementId(b)]]) AS rank
     RETURN size(ranked) AS total, collect(rank) AS ranks`,
    {},
    { database: "neo4j" },
  );
  const total = records[0]!.get("total") as number;
  const ranks = (records[0]!.get("ranks") as number[]).sort((x, y) => x - y);
  const elementsAt = (limit: number): number => {
    let low = 0;
    let high = ranks.length; // the number of ranks below `limit`
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ranks[middle]! < limit) low = middle + 1;
      else high = middle;
    }
    return limit + low;
  };
  let low = 1;
  let high = Math.min(total, 20_000);
  while (low < high) {
    const middle = (low + high) >> 1;
    if (elementsAt(middle) < target) low = middle + 1;
    else high = middle;
  }
  return { limit: low, elements: elementsAt(low) };
}

export async function measureClient(
  neo: BenchNeo4j,
  sizes: number[],
  progress: (line: string) => void,
  repetitions = 2,
): Promise<ClientResult> {
  const api = await startApiServer(neo.uri);
  const rendererPage = await startRendererPage();
  const rendererRows: RendererRow[] = [];
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const shots = path.resolve("test-results/bench");
  fs.mkdirSync(shots, { recursive: true });
  const rows: ClientRow[] = [];
  const screenshots: string[] = [];
  let webgl2Available: boolean; // drawn by a GPU: software WebGL is slower than the canvas
  let webglRenderer: string;
  try {
    const probe = await browser.newPage();
    webglRenderer = String(
      await probe.evaluate(
        `(() => { const gl = document.createElement("canvas").getContext("webgl2"); if (!gl) return ""; const i = gl.getExtension("WEBGL_debug_renderer_info"); return i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER); })()`,
      ),
    );
    webgl2Available = webglRenderer !== "" && !/swiftshader|llvmpipe|software/i.test(webglRenderer);
    await probe.close();
    for (const target of sizes) {
      const { limit, elements } = await limitFor(neo, target);
      // The server lays the slice out once per graph version: time it here, apart from the page.
      const layoutStarted = performance.now();
      await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ overview(limit: ${limit}) { total } }` }),
      });
      const serverLayoutMs = Math.round(performance.now() - layoutStarted);
      // The metrics too are computed once per graph version: timed here, so that the styled render
      // measures what the page does (fetch the loaded entities' metrics, size and colour them).
      const metricsStarted = performance.now();
      await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ networkMetrics { computedMs } }" }),
      });
      const serverMetricsMs = Math.round(performance.now() - metricsStarted);
      rendererRows.push(...(await measureRenderers(browser, rendererPage, api.url, limit, target, repetitions, progress)));
      const variants: { layout: "network" | "map"; renderer: string; styling?: string }[] = [
        { layout: "network", renderer: "canvas" },
        { layout: "network", renderer: "canvas", styling: "size=betweenness&color=community" },
        { layout: "map", renderer: "canvas" },
        ...(webgl2Available && target >= 10_000 ? [{ layout: "network" as const, renderer: "webgl" }] : []),
      ];
      for (const variant of variants) {
        try {
          const renders: number[] = [];
          const expands: number[] = [];
          const frames: number[] = [];
          let received = 0;
          let drawnBy = variant.renderer;
          for (let i = 0; i < repetitions; i++) {
            const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
            try {
              await page.goto(
                `${api.url}/?limit=${limit}${variant.layout === "map" ? "&layout=map" : ""}${variant.renderer === "webgl" ? "&renderer=webgl" : ""}${variant.styling ? `&${variant.styling}` : ""}`,
              );
              await page.waitForSelector("#app[data-ready=true]", { timeout: 120_000 });
              // Plain text, not a function: tsx would wrap named functions in a helper the page lacks.
              const measured = (await page.evaluate(inPageMeasure)) as {
                renderMs: number;
                elements: number;
                renderer: string; // what drew it: sigma above 4 000 elements (client/src/explorer/create-cy.ts), else Cytoscape's canvas or WebGL
                expandId: string;
                x: number;
                y: number;
              };
              received = measured.elements;
              drawnBy = measured.renderer;
              renders.push(measured.renderMs);
              frames.push(...(await panFrames(page, measured.x, measured.y)));
              // Returns nothing: Playwright would otherwise serialise the Cytoscape element (seconds).
              await page.evaluate((id) => void (window as any).cy.getElementById(id).emit("tap"), measured.expandId);
              await page.waitForSelector("#details .actions button");
              await page.click("#details .actions button");
              await page.waitForFunction(() => (window as any).__allianceExpandMs !== undefined, undefined, { timeout: 60_000 });
              expands.push(await page.evaluate(() => (window as any).__allianceExpandMs));
              if (i === 0) {
                const file = path.join(
                  shots,
                  `client-${target}-${variant.layout}-${measured.renderer}${variant.styling ? "-styled" : ""}.png`,
                );
                await page.screenshot({ path: file });
                screenshots.push(file);
              }
            } finally {
              await page.close();
            }
          }
          const row: ClientRow = {
            targetElements: target,
            elements: received || elements,
            layout: variant.layout,
            renderer: drawnBy,
            firstRenderMs: Math.round(median(renders)),
            expandMs: Math.round(median(expands)),
            panFrameP50Ms: round(percentile(frames, 50)),
            panFrameP95Ms: round(percentile(frames, 95)),
            serverLayoutMs,
            styling: stylingName(variant.styling),
            serverMetricsMs: variant.styling ? serverMetricsMs : 0,
          };
          rows.push(row);
          progress(
            `  ${row.elements} elements, ${row.layout}, ${row.renderer}${row.styling ? `, by ${row.styling}` : ""}: first render ${row.firstRenderMs} ms, expand ${row.expandMs} ms, pan frames p50 ${row.panFrameP50Ms} / p95 ${row.panFrameP95Ms} ms`,
          );
        } catch (error) {
          // A variant that cannot draw in time is reported as such, and the benchmark goes on.
          rows.push({
            targetElements: target,
            elements,
            layout: variant.layout,
            renderer: variant.renderer,
            firstRenderMs: -1,
            expandMs: -1,
            panFrameP50Ms: -1,
            panFrameP95Ms: -1,
            serverLayoutMs,
            styling: stylingName(variant.styling),
            serverMetricsMs: 0,
          });
          progress(`  ${elements} elements, ${variant.layout}, ${variant.renderer}: failed — ${(error as Error).message.split("\n")[0]}`);
        }
      }
    }
  } finally {
    await browser.close();
    await api.stop();
    await rendererPage.close();
  }
  return { rows, renderers: rendererRows, webgl2Available, webglRenderer, screenshots };
}

/**
 * The overview the explorer would receive for `limit` entities (positions from the server's
 * layout), drawn by each bare renderer in the same Chromium: elements parsed → first frame, and
 * frame times while the view is dragged, as for the explorer.
 */
async function measureRenderers(
  browser: Browser,
  rendererPage: RendererPage,
  apiUrl: string,
  limit: number,
  target: number,
  repetitions: number,
  progress: (line: string) => void,
): Promise<RendererRow[]> {
  const answer = (await (
    await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query ($limit: Int) { overview(limit: $limit) { nodes { group data position { x y } } edges { group data } } }`,
        variables: { limit },
      }),
    })
  ).json()) as { data: { overview: { nodes: { data: Record<string, unknown> }[]; edges: unknown[] } } };
  const overview = answer.data.overview;
  if (!overview.nodes.length) throw new Error(`the overview of ${limit} entities is empty`);
  rendererPage.setElements(overview);
  const rows: RendererRow[] = [];
  for (const renderer of renderers) {
    const renders: number[] = [];
    const frames: number[] = [];
    try {
      for (let i = 0; i < repetitions; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
        // Closed even when it fails: a renderer still drawing after its time is up would take the
        // CPU from every measure after it (Cytoscape's WebGL on 50 000 elements, for minutes).
        try {
          const failures: string[] = [];
          page.on("pageerror", (error) => failures.push(error.message));
          page.on("requestfailed", (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
          await page.goto(`${rendererPage.url}?renderer=${renderer}`);
          await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 }); // a renderer slower than that is reported as failed
          if (failures.length) throw new Error(failures[0]);
          renders.push(
            (await page.evaluate(
              `performance.getEntriesByName("bench:rendered")[0].startTime - performance.getEntriesByName("bench:data")[0].startTime`,
            )) as number,
          );
          if (i === 0) await page.screenshot({ path: path.resolve("test-results/bench", `renderer-${target}-${renderer}.png`) });
          frames.push(...(await panFrames(page, 12, 12)));
        } finally {
          await page.close();
        }
      }
      const row: RendererRow = {
        targetElements: target,
        elements: overview.nodes.length + overview.edges.length,
        renderer,
        firstRenderMs: Math.round(median(renders)),
        panFrameP50Ms: round(percentile(frames, 50)),
        panFrameP95Ms: round(percentile(frames, 95)),
      };
      rows.push(row);
      progress(
        `  ${row.elements} elements, bare ${renderer}: first frame ${row.firstRenderMs} ms, pan frames p50 ${row.panFrameP50Ms} / p95 ${row.panFrameP95Ms} ms`,
      );
    } catch (error) {
      rows.push({
        targetElements: target,
        elements: overview.nodes.length + overview.edges.length,
        renderer,
        firstRenderMs: -1,
        panFrameP50Ms: -1,
        panFrameP95Ms: -1,
      });
      progress(`  bare ${renderer} at ${target} elements: failed — ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return rows;
}

/** "size=betweenness&color=community" → "betweenness, community". */
function stylingName(styling: string | undefined): string {
  return styling ? [...new URLSearchParams(styling).values()].join(", ") : "";
}
