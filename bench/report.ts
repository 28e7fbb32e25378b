import type { ClientResult } from "./measure-client.ts";
import type { BenchResult } from "./run-bench.ts";

export interface Budget {
  measure: string;
  value: string;
  budget: string;
  ok: boolean;
}

/** Every budget of the benchmark issue, checked against what was measured. */
export function checkBudgets(result: BenchResult): Budget[] {
  const budgets: Budget[] = [];
  const add = (measure: string, value: string, budget: string, ok: boolean) => budgets.push({ measure, value, budget, ok });
  const { loading, api, cache, client, start, editing, soak, metrics } = result;
  if (result.import) {
    const { rows, heapLimitMb } = result.import;
    for (const row of rows.filter((r) => r.rows === 10_000))
      add(
        `import preview, 10 000 rows of ${row.format.toUpperCase()}`,
        `${(row.previewMs / 1000).toFixed(1)} s`,
        "< 10 s",
        row.previewMs < 10_000,
      );
    for (const row of rows)
      add(
        `import preview, ${row.rows} rows of ${row.format.toUpperCase()}: server memory while it runs (worker heap limit ${heapLimitMb} MB)`,
        `+${row.serverRssPeakMb - row.serverRssBeforeMb} MB`,
        `< ${heapLimitMb} MB`,
        row.serverRssPeakMb - row.serverRssBeforeMb < heapLimitMb,
      );
  }
  if (loading) {
    add(
      `load ${loading.nodes} nodes + ${loading.relationships} relationships`,
      `${loading.coldSeconds} s`,
      "< 30 s",
      loading.coldSeconds < 30,
    );
    add("batched loader ÷ one MERGE per row (rows/s)", `${loading.speedup}×`, "≥ 10×", loading.speedup >= 10);
    const { bulk } = loading;
    add(
      "seed --bulk ÷ neo4j-admin import, then started with the same constraints and indexes (rows/s, a database ready to query)",
      `${bulk.ratioToReady}×`,
      "≥ 0.5×",
      bulk.ratioToReady >= 0.5,
    );
    add("seed --bulk ÷ neo4j-admin import alone (rows/s, the import step only)", `${bulk.ratioToImport}×`, "—", true);
    add("seed --bulk: the batched loader's graph (canonical checksum)", String(bulk.sameGraph), "true", bulk.sameGraph);
    add("re-load the same files (idempotent)", `${loading.reloadSeconds} s`, "< 40 s", loading.reloadSeconds < 40);
    add("loader process peak memory", `${loading.peakRssMb} MB`, "< 500 MB", loading.peakRssMb < 500);
  }
  if (api) {
    for (const row of api.rows) {
      add(`${row.query}, ${row.clients} client(s): API p50 ÷ raw driver p50`, `${row.ratioP50}`, "≤ 1.2", row.ratioP50 <= 1.2);
      add(`${row.query}, ${row.clients} client(s): API p50 ÷ raw auto-commit read p50`, `${row.ratioOnceP50}`, "—", true);
      add(`${row.query}, ${row.clients} client(s): (raw p50 + the floor's p50) ÷ raw p50`, `${row.floorRatio}`, "—", true);
      if (row.clients === 10) add(`${row.query}, 10 clients: p99`, `${row.api.p99} ms`, "< 50 ms", row.api.p99 < 50);
      add(`${row.query}, ${row.clients} client(s): errors`, `${row.api.errors}`, "0", row.api.errors === 0);
    }
    add(
      "PROFILE alliesNear uses the point index",
      String(api.profile.alliesNearUsesPointIndex),
      "true",
      api.profile.alliesNearUsesPointIndex,
    );
    add("PROFILE search uses the fulltext index", String(api.profile.searchUsesFulltext), "true", api.profile.searchUsesFulltext);
    for (const row of api.refusals.rows)
      add(`${row.query} refused (HTTP ${row.status}), slowest of 20`, `${row.max} ms`, "< 100 ms", row.max < 100 && row.status >= 400);
  }
  if (cache) {
    for (const row of cache.rows) add(`cached ${row.query} p50 ÷ raw driver p50`, `${row.ratioP50}`, "< 1", row.ratioP50 < 1);
    add("stale reads after a write, two API instances", `${cache.staleReadsAfterWrite}`, "0", cache.staleReadsAfterWrite === 0);
  }
  if (metrics) {
    const at = (n: number) => metrics.rows.find((r) => r.nodes === n);
    if (at(10_000)) add("network metrics at 10 000 nodes (sampled betweenness)", `${at(10_000)!.ms} ms`, "< 5 s", at(10_000)!.ms < 5000);
    add(
      `sampled betweenness ranks the exact top 20 brokers at ${metrics.reference.nodes} nodes`,
      `${Math.round(metrics.reference.topOverlap * 100)} %`,
      "≥ 80 %",
      metrics.reference.topOverlap >= 0.8,
    );
  }
  if (soak) {
    for (const run of soak.runs) {
      const cache = `soak, cache ${run.cache ? "on" : "off"}`;
      add(`${cache}: errors other than the 429s it asks for`, `${run.errors}`, "0", run.errors === 0);
      add(`${cache}: the abuser's requests refused (429)`, `${run.rateLimited}`, "> 0", run.rateLimited > 0);
      add(`${cache}: API memory, end ÷ middle − 1`, `${Math.round(run.growth.api * 100)} %`, "< 10 %", run.growth.api < 0.1);
      add(`${cache}: Neo4j memory, end ÷ middle − 1`, `${Math.round(run.growth.neo4j * 100)} %`, "< 10 %", run.growth.neo4j < 0.1);
      // Issue 19's goal for the soak; its other goal, changes per second at 4× those of 2026-12-01
      // (12.6 and 17.8 a second), is a figure of another day's code: printed, not checked here.
      add(`${cache}: p99 of every request`, `${round2(run.p99 / 1000)} s`, "≤ 2 s", run.p99 <= 2000);
      add(`${cache}: changes applied per second`, `${round2(run.writes / run.seconds)}`, "—", true);
    }
  }
  if (editing) {
    const { withHistory } = editing;
    const changeRatio = round2(withHistory.p50 / Math.max(withHistory.before.p50, 0.01));
    add(`a change's p50 after ${withHistory.records} more change records ÷ before`, `${changeRatio}`, "≤ 1.25", changeRatio <= 1.25);
    const historyRatio = round2(withHistory.historyP50 / Math.max(withHistory.historyBeforeP50, 0.01));
    add(`an ally's history p50 after ${withHistory.records} more change records ÷ before`, `${historyRatio}`, "≤ 1.5", historyRatio <= 1.5);
    for (const row of editing.rows) {
      const ratio = round2(row.readers.p99 / Math.max(editing.baseline.p99, 0.01));
      add(`${editing.readers} readers' p99 while ${row.editors} editor(s) apply changes ÷ readers alone`, `${ratio}`, "< 2", ratio < 2);
      add(`changes refused, ${row.editors} editor(s) on their own allies`, `${row.refused}`, "0", row.refused === 0);
    }
  }
  if (client) {
    for (const row of client.rows) {
      const styled = row.styling ? `, by ${row.styling}` : "";
      if (row.targetElements <= 1_400)
        add(
          `first render, ${row.elements} elements, ${row.layout} (${row.renderer}${styled})`,
          `${row.firstRenderMs} ms`,
          "< 1 000 ms",
          row.firstRenderMs < 1000,
        );
      else if (row.targetElements <= 10_000) {
        add(
          `first render, ${row.elements} elements, ${row.layout} (${row.renderer}${styled})`,
          `${row.firstRenderMs} ms`,
          "< 3 000 ms",
          row.firstRenderMs < 3000,
        );
        add(
          `panning, ${row.elements} elements, ${row.layout} (${row.renderer}${styled}): frame p95`,
          `${row.panFrameP95Ms} ms`,
          "< 100 ms (responsive)",
          row.panFrameP95Ms < 100,
        );
      }
    }
  }
  if (client) {
    for (const side of rendererSides(client)) {
      const at = `${side.elements} elements`;
      for (const [name, other] of [
        ["canvas", side.canvas],
        ["WebGL", side.webgl],
      ] as const)
        if (side.sigma && other)
          add(
            `Cytoscape ${name} ÷ sigma.js, first frame, ${at}`,
            `${round2(other.firstRenderMs / Math.max(side.sigma.firstRenderMs, 1))}`,
            "—",
            true,
          );
      if (side.target < 10_000 || side.explorerMs === undefined || side.explorerToFastest === undefined) continue;
      const limitMs = side.target <= 10_000 ? 1500 : 4000;
      add(
        `explorer first render ÷ fastest renderer (sigma.js, Cytoscape canvas, WebGL), ${at}`,
        `${side.explorerMs} ms, ${side.explorerToFastest}×`,
        `≤ ${limitMs / 1000} s or ≤ 1.1×`,
        side.explorerMs <= limitMs || side.explorerToFastest <= 1.1,
      );
    }
  }
  if (start)
    add("npm start to ready (launcher built, seeds loaded)", `${start.firstStartSeconds} s`, "< 20 s", start.firstStartSeconds < 20);
  return budgets;
}

/** The figures as text tables, for a terminal and for the README. */
export function formatReport(result: BenchResult): string {
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
    for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
    lines.push("");
  };
  const m = result.machine;
  lines.push(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GiB, Node ${m.node}, ${m.platform}. Total ${result.seconds} s.`, "");
  if (result.loading) {
    const l = result.loading;
    lines.push(`### Loading (${l.nodes} nodes, ${l.relationships} relationships, ${l.provenance} provenance links)`, "");
    table(
      ["measure", "value"],
      [
        [
          "into an empty graph (median)",
          `${l.coldSeconds} s — check ${l.phases.checkMs} ms, write ${l.phases.writeMs} ms, commit ${l.phases.commitMs} ms, search refresh ${l.phases.searchRefreshMs} ms`,
        ],
        ["re-load, same files (median)", `${l.reloadSeconds} s`],
        ["loader peak memory (RSS)", `${l.peakRssMb} MB`],
        ["batched loader", `${l.batchedRowsPerSecond} rows/s`],
        [`one MERGE per row (${l.naiveRows} rows)`, `${l.naiveRowsPerSecond} rows/s`],
        ["speed-up", `${l.speedup}×`],
        [
          "neo4j-admin import alone / then started with the schema",
          `${l.bulk.adminRowsPerSecond} / ${l.bulk.adminReadyRowsPerSecond} rows/s (${round2(l.bulk.adminImportMs / 1000)} / ${round2(l.bulk.adminReadyMs / 1000)} s)`,
        ],
        [
          "npm run seed -- --bulk (validation, CSV, neo4j-admin import, start, schema, lists, stop)",
          `${l.bulk.bulkRowsPerSecond} rows/s (${round2(l.bulk.bulk.ms / 1000)} s: ${Object.entries(l.bulk.bulk.timings)
            .filter(([name]) => !["totalMs", "finishMs"].includes(name))
            .map(([name, ms]) => `${name.replace(/Ms$/, "")} ${ms}`)
            .join(", ")}; peak ${l.bulk.bulk.peakRssMb} MB)`,
        ],
        ["seed --bulk ÷ neo4j-admin import alone / ÷ started with the schema", `${l.bulk.ratioToImport}× / ${l.bulk.ratioToReady}×`],
        ["seed --bulk gives the batched loader's graph (checksum)", String(l.bulk.sameGraph)],
      ],
    );
  }
  if (result.api) {
    lines.push(
      `### API at ${result.sizes.apiNodes} nodes (HTTP on loopback, closed-loop clients on kept-alive connections; raw = the same Cypher through neo4j-driver's executeQuery, raw auto-commit = as one auto-commit read, as the API sends it; same harness)`,
      "",
    );
    table(
      [
        "query",
        "clients",
        "API p50 ms",
        "API p99 ms",
        "API req/s",
        "raw p50 ms",
        "raw p99 ms",
        "raw req/s",
        "p50 ratio",
        "raw auto-commit p50 ms",
        "ratio to it",
        "floor p50 ms",
        "floor's ratio",
        "errors",
      ],
      result.api.rows.map((r) => [
        r.query,
        r.clients,
        r.api.p50,
        r.api.p99,
        r.api.throughput,
        r.raw.p50,
        r.raw.p99,
        r.raw.throughput,
        r.ratioP50,
        r.rawOnce.p50,
        r.ratioOnceP50,
        r.floor.p50,
        r.floorRatio,
        r.api.errors,
      ]),
    );
    lines.push(
      "The floor: `{ __typename }` through the same HTTP, middleware and compiled path as the page's reads, at as many clients (no resolver, no Neo4j); " +
        "the floor's ratio, (raw p50 + floor p50) ÷ raw p50, is what an API that cost only that would reach (at one client a sum; with more, an estimate).",
      "",
      `PROFILE: alliesNear uses the point index: ${result.api.profile.alliesNearUsesPointIndex}; search uses the fulltext index: ${result.api.profile.searchUsesFulltext}.`,
      "",
      `Abusive queries refused (20 each, in a row; \`{ __typename }\` answered in p50 ${result.api.refusals.reference.p50} ms, max ${result.api.refusals.reference.max} ms): ` +
        result.api.refusals.rows.map((r) => `${r.query} → HTTP ${r.status}, p50 ${r.p50} ms, max ${r.max} ms`).join("; ") +
        ".",
      "",
    );
  }
  if (result.editing) {
    const e = result.editing;
    lines.push(`### Editing (changes applied while ${e.readers} readers read; response cache off)`, "");
    table(
      ["editors", "changes", "change p50 ms", "change p99 ms", "refused", "readers p50 ms", "readers p99 ms", "readers p99 ÷ alone"],
      e.rows.map((r) => [
        r.editors,
        r.changes,
        r.changeP50,
        r.changeP99,
        r.refused,
        r.readers.p50,
        r.readers.p99,
        round2(r.readers.p99 / Math.max(e.baseline.p99, 0.01)),
      ]),
    );
    lines.push(
      `Readers alone: p50 ${e.baseline.p50} ms, p99 ${e.baseline.p99} ms. One editor with nobody reading: ${e.alone.changes} changes, p50 ${e.alone.p50} ms, p99 ${e.alone.p99} ms.`,
      "",
      `Then, just before ${e.withHistory.records} more change records: one editor p50 ${e.withHistory.before.p50} ms, an ally's history p50 ${e.withHistory.historyBeforeP50} ms; after them: p50 ${e.withHistory.p50} ms (${e.withHistory.changes} changes, p99 ${e.withHistory.p99} ms), history p50 ${e.withHistory.historyP50} ms.`,
      "",
    );
  }
  if (result.metrics) {
    const m = result.metrics;
    lines.push("### Network metrics (degree, betweenness, Louvain communities, brokers; synthetic networks, three ties per entity)", "");
    table(
      ["nodes", "ties", "ms", "betweenness", "communities"],
      m.rows.map((r) => [r.nodes, r.ties, r.ms, r.sampled ? "sampled (500 sources)" : "exact", r.communities]),
    );
    lines.push(
      `At ${m.reference.nodes} nodes, exact betweenness ${m.reference.exactMs} ms, the sampled estimate ${m.reference.sampledMs} ms; the estimate's top 20 holds ${Math.round(m.reference.topOverlap * 100)} % of the exact top 20.`,
      "",
    );
  }
  if (result.import) {
    const m = result.import;
    lines.push(
      `### Import preview (POST /import/preview by the real server, against ${m.graphEntities} entities; reference: SheetJS reading the same file into rows)`,
      "",
    );
    table(
      ["file", "size", "preview", "SheetJS alone", "÷", "server RSS before → peak", "create / update / unchanged / same row / problem"],
      m.rows.map((r) => [
        `${r.rows} rows, ${r.format.toUpperCase()}`,
        `${r.kilobytes} kB`,
        `${(r.previewMs / 1000).toFixed(1)} s`,
        `${r.readMs} ms`,
        `${r.ratio}×`,
        `${r.serverRssBeforeMb} → ${r.serverRssPeakMb} MB`,
        [r.counts.create, r.counts.update, r.counts.unchanged, r.counts["same-as-row"], r.counts.problem].join(" / "),
      ]),
    );
  }
  if (result.soak) {
    const first = result.soak.runs[0]!;
    lines.push(
      `### Soak (${first.clients} clients for ${first.seconds} s, each its own address behind TRUST_PROXY, default rate limits; mix: ${result.soak.mix}; one more client far past its limit)`,
      "",
    );
    table(
      [
        "cache",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors",
        "writes",
        "abuser 429s",
        "API MB start → middle → end",
        "Neo4j MB start → middle → end",
      ],
      result.soak.runs.map((r) => [
        r.cache ? "on" : "off",
        r.perSecond,
        r.p50,
        r.p95,
        r.p99,
        r.max,
        r.errors,
        r.writes,
        `${r.rateLimited} of ${r.abuserRequests}`,
        r.memoryMb.api.join(" → "),
        r.memoryMb.neo4j.join(" → "),
      ]),
    );
    for (const r of result.soak.runs)
      lines.push(
        `Cache ${r.cache ? "on" : "off"}, p50 / p99 ms by part of the mix: ${Object.entries(r.kinds)
          .map(([kind, k]) => `${kind} ${k.p50} / ${k.p99} (${k.count})`)
          .join(", ")}.`,
        "",
      );
  }
  if (result.cache) {
    lines.push(`### Response cache (hot reads, ${result.cache.clients} clients)`, "");
    table(
      ["query", "cached p50 ms", "raw p50 ms", "ratio", "cached req/s", "raw req/s"],
      result.cache.rows.map((r) => [r.query, r.cachedP50, r.rawP50, r.ratioP50, r.cachedThroughput, r.rawThroughput]),
    );
    lines.push(`Stale reads after a write, two API instances over one Neo4j: ${result.cache.staleReadsAfterWrite}.`, "");
  }
  if (result.client) {
    lines.push(
      `### Explorer in headless Chromium (${result.client.webgl2Available ? `WebGL2 on ${result.client.webglRenderer}: measured too` : `WebGL2 only in software here (${result.client.webglRenderer || "none"}): the canvas renderer is used`})`,
      "",
    );
    table(
      [
        "elements",
        "layout",
        "renderer",
        "data → first render ms",
        "click → expanded ms",
        "pan frame p50 ms",
        "pan frame p95 ms",
        "server layout ms (once)",
        "styled ÷ by kind",
      ],
      result.client.rows.map((r) => [
        r.elements,
        r.styling ? `${r.layout}, by ${r.styling} (server metrics once: ${r.serverMetricsMs} ms)` : r.layout,
        r.renderer,
        r.firstRenderMs,
        r.expandMs,
        r.panFrameP50Ms,
        r.panFrameP95Ms,
        r.serverLayoutMs,
        styledRatio(result.client!.rows, r),
      ]),
    );
    const sides = rendererSides(result.client);
    if (sides.length) {
      lines.push("The same overview elements on a bare page (bench/renderers: no panels), each renderer in the same Chromium:", "");
      table(
        [
          "elements",
          "sigma.js ms",
          "Cytoscape canvas ms",
          "Cytoscape WebGL ms",
          "pan p95 sigma / canvas / WebGL ms",
          "explorer ms",
          "explorer ÷ fastest",
        ],
        sides.map((side) => [
          side.elements,
          side.sigma?.firstRenderMs ?? "—",
          side.canvas?.firstRenderMs ?? "—",
          side.webgl?.firstRenderMs ?? "—",
          [side.sigma, side.canvas, side.webgl].map((r) => r?.panFrameP95Ms ?? "—").join(" / "),
          side.explorerMs ?? "—",
          side.explorerToFastest ?? "—",
        ]),
      );
    }
  }
  if (result.start) {
    lines.push("### Start", "");
    table(
      ["measure", "value"],
      [
        ["npm start to ready, empty home (seeds loaded)", `${result.start.firstStartSeconds} s`],
        ["npm start to ready, data already there", `${result.start.restartSeconds} s`],
      ],
    );
  }
  const budgets = checkBudgets(result);
  lines.push("### Budgets", "");
  table(
    ["measure", "value", "budget", ""],
    budgets.map((b) => [b.measure, b.value, b.budget, b.ok ? "ok" : "OVER"]),
  );
  return lines.join("\n");
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Per size: each bare renderer's row, the explorer's network render, and its ratio to the fastest. */
export function rendererSides(client: ClientResult) {
  return [...new Set(client.renderers.map((r) => r.targetElements))].map((target) => {
    const of = (renderer: string) =>
      client.renderers.find((r) => r.targetElements === target && r.renderer === renderer && r.firstRenderMs >= 0);
    const sigma = of("sigma");
    const canvas = of("cytoscape-canvas");
    const webgl = of("cytoscape-webgl");
    const fastest = Math.min(...[sigma, canvas, webgl].filter((r) => r !== undefined).map((r) => r.firstRenderMs));
    const explorer = client.rows.find((r) => r.targetElements === target && r.layout === "network" && !r.styling && r.firstRenderMs >= 0);
    return {
      target,
      elements: (sigma ?? canvas ?? webgl)?.elements ?? target,
      sigma,
      canvas,
      webgl,
      explorerMs: explorer?.firstRenderMs,
      explorerToFastest: explorer && Number.isFinite(fastest) ? round2(explorer.firstRenderMs / Math.max(fastest, 1)) : undefined,
    };
  });
}

/** A styled render against the same slice drawn by kind, in the same run (the reference). */
function styledRatio(
  rows: { targetElements: number; layout: string; renderer: string; styling: string; firstRenderMs: number }[],
  row: (typeof rows)[number],
): string {
  if (!row.styling) return "";
  const plain = rows.find(
    (r) => r.targetElements === row.targetElements && r.layout === row.layout && r.renderer === row.renderer && !r.styling,
  );
  return plain && plain.firstRenderMs > 0 && row.firstRenderMs > 0
    ? String(Math.round((row.firstRenderMs / plain.firstRenderMs) * 100) / 100)
    : "";
}
