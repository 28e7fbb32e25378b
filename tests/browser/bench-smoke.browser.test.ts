import { describe, expect, it } from "vitest";
import { checkBudgets, formatReport } from "../../bench/report.ts";
import { runBench, smokeOptions } from "../../bench/run-bench.ts";

// npm run bench at a tiny size: every measure runs and reports (the budgets are the benchmark's
// business, on the default sizes, not this test's: shared machines are noisy).
describe("npm run bench -- --smoke", () => {
  it("runs every measure and reports each figure", async () => {
    const result = await runBench({ ...smokeOptions, only: undefined, progress: () => undefined });
    expect(result.loading!.nodes).toBeGreaterThan(500);
    expect(result.loading!.speedup).toBeGreaterThan(0);
    expect(result.loading!.peakRssMb).toBeGreaterThan(0);
    expect(result.api!.rows.length).toBe(4 * smokeOptions.apiLevels.length);
    for (const row of result.api!.rows) {
      expect(row.api.errors).toBe(0);
      expect(row.api.requests).toBeGreaterThan(0);
      expect(row.raw.requests).toBeGreaterThan(0);
    }
    expect(result.api!.profile).toMatchObject({ alliesNearUsesPointIndex: true, searchUsesFulltext: true });
    expect(result.api!.refusals.rows.map((r) => r.status)).toEqual([400, 413, 400]);
    expect(result.cache!.rows).toHaveLength(4);
    expect(result.cache!.staleReadsAfterWrite).toBe(0);
    // By kind on the network and the map, and the network sized by betweenness and coloured by community.
    expect(result.client!.rows.map((r) => [r.layout, r.styling])).toEqual([
      ["network", ""],
      ["network", "betweenness, community"],
      ["map", ""],
    ]);
    for (const row of result.client!.rows) expect(row.firstRenderMs).toBeGreaterThan(0);
    expect(result.editing!.rows.map((r) => r.editors)).toEqual(smokeOptions.editingLevels);
    expect(result.editing!.withHistory.records).toBe(smokeOptions.editingHistory);
    expect(result.editing!.withHistory.changes).toBeGreaterThan(0);
    for (const row of result.editing!.rows) {
      expect(row.changes).toBeGreaterThan(0);
      expect(row.refused).toBe(0);
      expect(row.readers.requests).toBeGreaterThan(0);
    }
    expect(result.start!.firstStartSeconds).toBeGreaterThan(0);
    expect(result.metrics!.rows.map((r) => r.nodes)).toEqual(smokeOptions.metricsSizes);
    for (const row of result.metrics!.rows) expect(row.communities).toBeGreaterThan(0);
    // The page's import: the file's rows previewed, the graph's allies it repeats found (the generator repeats 4 %).
    expect(result.import!.rows.map((r) => r.rows)).toEqual(smokeOptions.importSizes.map((s) => s.rows));
    for (const row of result.import!.rows) {
      expect(row.counts.rows).toBe(row.rows);
      expect(row.counts.unchanged + row.counts.update).toBeGreaterThan(0);
      expect(row.serverRssPeakMb).toBeGreaterThan(0);
    }
    expect(result.soak!.runs.map((r) => r.cache)).toEqual([true, false]);
    for (const run of result.soak!.runs) {
      expect(run.requests).toBeGreaterThan(0);
      expect(run.errors).toBe(0);
      expect(run.rateLimited).toBeGreaterThan(0);
      expect(run.memoryMb.api.every((mb) => mb > 0)).toBe(true);
      expect(run.memoryMb.neo4j.every((mb) => mb > 0)).toBe(true);
    }
    const report = formatReport(result);
    for (const heading of [
      "### Loading",
      "### API",
      "### Response cache",
      "### Editing",
      "### Explorer",
      "### Start",
      "### Soak",
      "### Import preview",
      "### Budgets",
      "styled ÷ by kind",
    ])
      expect(report).toContain(heading);
    expect(checkBudgets(result).length).toBeGreaterThan(10);
  }, 600_000);
});
