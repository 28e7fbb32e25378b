import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseUrl, toUrl } from "../../client/src/state/url-state.ts";
import { checkViewQuery } from "../../core/views/view-query.ts";
import { CuratedViewsError, readCuratedViews } from "../../seeds/curated-views.ts";
import { groupsOf } from "../../server/metrics/metrics-service.ts";

describe("views", () => {
  it("the curated views of the seed data: Saison 2, Hauts-de-France, Alimentation, each a state the page keeps whole", () => {
    const views = readCuratedViews();
    expect(views.map((v) => v.name)).toEqual(["Saison 2", "Hauts-de-France", "Alimentation"]);
    for (const view of views) {
      const asked = new URLSearchParams(view.query);
      expect([...asked.keys()].length).toBeGreaterThan(0);
      // The page reads the view and writes it back without losing a key or changing a value.
      const kept = new URLSearchParams(toUrl(parseUrl("/", `?${view.query}`)).split("?")[1]);
      expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(asked));
    }
  });

  it("the page's URL carries the display, the timeline, the community, the name and the near theme", () => {
    const search =
      "?theme=alimentation&until=1&near=Lille&radius=30&nearTheme=alimentation&size=betweenness&color=community&community=2&title=Ma+vue";
    const state = parseUrl("/", search);
    expect(state.display).toEqual({ size: "betweenness", color: "community" });
    expect(state.filters.until).toBe(1);
    expect(state.community).toBe(2);
    expect(state.title).toBe("Ma vue");
    expect(state.near).toEqual({ place: "Lille", radiusKm: 30, theme: "alimentation" });
    expect(Object.fromEntries(new URLSearchParams(toUrl(state).split("?")[1]))).toEqual(Object.fromEntries(new URLSearchParams(search)));
    // Values the page does not know fall back to the defaults, and are not written back.
    expect(toUrl(parseUrl("/", "?size=huge&color=rainbow&until=0"))).toBe("/");
  });

  it("checkViewQuery says which key is unknown and which value is wrong", () => {
    expect(checkViewQuery("season=2&color=community&size=degree&until=1")).toEqual([]);
    expect(checkViewQuery("colour=community")[0]).toMatch(/^unknown key "colour" \(known: layout, view, /);
    expect(checkViewQuery("size=huge")).toEqual(['"size=huge": expected one of degree, betweenness']);
    expect(checkViewQuery("season=0")).toEqual(['"season=0": expected an integer from 1 to 99']);
  });

  it("a curated views file with mistakes is refused, each said with its file and line", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "views-"));
    const file = path.join(dir, "views.yaml");
    fs.writeFileSync(
      file,
      [
        "- slug: a",
        "  name: A",
        "  query: season=2",
        "- slug: a",
        "  name: B",
        "  query: colour=red",
        "- slug: Bad Slug",
        "  query: season=1",
        "  extra: 1",
      ].join("\n"),
    );
    let problems: string[] = [];
    try {
      readCuratedViews(file);
    } catch (error) {
      expect(error).toBeInstanceOf(CuratedViewsError);
      problems = (error as CuratedViewsError).problems;
    }
    const where = path.relative(process.cwd(), file);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${escape(where)}:4: query: unknown key "colour"`)),
      `${where}:4: slug "a" is used twice`,
      `${where}:7: slug: lower-case words joined by hyphens`,
      expect.stringMatching(new RegExp(`^${escape(where)}:7: name: `)),
      expect.stringMatching(new RegExp(`^${escape(where)}:7: view: Unrecognized key: "extra"`)),
    ]);
  });

  it("an entity about no theme is coloured by the themes of those it is tied to, most frequent first", () => {
    const groups = groupsOf({
      nodes: [
        { id: "ally:a", name: "A", regions: ["Hauts-de-France"], cohorts: [], themes: [] },
        { id: "initiative:x", name: "X", regions: [], cohorts: [], themes: ["Culture"] },
        { id: "initiative:y", name: "Y", regions: [], cohorts: [], themes: ["Alimentation", "Culture"] },
        { id: "initiative:z", name: "Z", regions: [], cohorts: [], themes: ["Alimentation"] },
        { id: "ally:b", name: "B", regions: [], cohorts: [], themes: [] },
      ],
      ties: [
        ["ally:a", "initiative:x"],
        ["initiative:y", "ally:a"],
        ["ally:a", "initiative:z"],
        ["ally:a", "initiative:z"], // a repeated tie counts once
      ],
    });
    expect(groups.get("ally:a")).toEqual({ regions: ["Hauts-de-France"], themes: ["Alimentation", "Culture"] });
    expect(groups.get("initiative:y")!.themes).toEqual(["Alimentation", "Culture"]); // its own, as they are
    expect(groups.get("ally:b")!.themes).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
