import { afterAll, describe, expect, it } from "vitest";
import { LayoutService } from "../../server/layout/layout-service.ts";

const ring = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => `ally:a${i}`),
  edges: Array.from({ length: n }, (_, i) => [`ally:a${i}`, `ally:a${(i + 1) % n}`] as [string, string]),
});

describe("the overview's layout service", () => {
  const service = new LayoutService(0); // no minimum interval between layouts here
  afterAll(() => service.close());

  it("computes a slice's layout once per version, and answers the next requests from it", async () => {
    const first = await service.positions("300", "e:1", ring(30));
    expect(Object.keys(first)).toHaveLength(30);
    expect(await service.positions("300", "e:1", ring(30))).toBe(first);
  });

  it("under a stream of changes runs at most one computation per slice, answering with the last layout meanwhile", async () => {
    const before = await service.positions("300", "e:1", ring(30));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => service.positions("300", `e:${i + 2}`, ring(30))));
    expect(service.size.running).toBeLessThanOrEqual(1);
    for (const answer of answers) expect(answer).toBe(before); // the last finished layout, at once
  });

  it("lays a slice out again at most every 10 s by default while the graph changes", async () => {
    const throttled = new LayoutService();
    try {
      const first = await throttled.positions("300", "e:1", ring(30));
      const later = await throttled.positions("300", "e:2", ring(31));
      expect(later).toBe(first);
      expect(throttled.size.running).toBe(0);
    } finally {
      await throttled.close();
    }
  });

  it("keeps at most 8 slices, whatever limits clients ask for", async () => {
    for (let limit = 1; limit <= 20; limit++) await service.positions(String(limit), "e:1", ring(5));
    expect(service.size.slices).toBe(8);
  });
});
