import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { beforeEach, describe, expect, it } from "vitest";
import type { Elements, NodeData } from "../../client/src/api/types.ts";
import { visibleCsv, visibleElementsJson } from "../../client/src/export/export-view.ts";
import { GraphModel } from "../../client/src/graph/graph-model.ts";
import { applyMapPositions, runNetworkLayout } from "../../client/src/graph/layouts.ts";
import { nodeSeasons } from "../../client/src/graph/seasons.ts";
import { applyVisibility, noFilters } from "../../client/src/graph/visibility.ts";
import { entityPath, parseUrl, toUrl } from "../../client/src/state/url-state.ts";

cytoscape.use(fcose);

// A slice of the Vimy graph, as the server sends it (neighbourhood/overview elements).
const node = (id: string, extra: Partial<NodeData> = {}) => {
  const [kind, slug] = id.split(":");
  return {
    group: "nodes" as const,
    data: { id, kind: kind as NodeData["kind"], slug: slug!, label: slug!, subkind: null, latitude: null, longitude: null, ...extra },
  };
};
const edge = (type: string, source: string, target: string, season?: number) => ({
  group: "edges" as const,
  data: { id: `${type}|${source}|${target}|${season ?? ""}`, type, source, target, season: season ?? null },
});
const base: Elements = {
  truncated: false,
  nodes: [
    node("territory:vimy", { latitude: 50.37243, longitude: 2.81034, regionCode: "32", subkind: "commune" }),
    node("territory:lille", { latitude: 50.63297, longitude: 3.05858, regionCode: "32", subkind: "commune" }),
    node("territory:pas-de-calais", {
      latitude: 50.49,
      longitude: 2.3,
      regionCode: "32",
      subkind: "département",
      locationApproximate: true,
    }),
    node("territory:beauvais", { latitude: 49.43333, longitude: 2.08333, regionCode: "32" }),
    node("territory:paris", { latitude: 48.85, longitude: 2.35, regionCode: "11" }),
    node("ally:extracites", { latitude: 50.63297, longitude: 3.05858 }),
    node("ally:bien-fait-pour-ta-com", { latitude: 50.63297, longitude: 3.05858 }),
    node("ally:la-fabrique-des-transitions"),
    node("initiative:restauration-scolaire-vimy"),
    node("initiative:vertiges-de-labour"),
    node("cohort:territoires-pilotes-saison-1", { season: 1 }),
    node("theme:alimentation"),
    node("theme:culture"),
  ],
  edges: [
    edge("ACCOMPANIED", "ally:extracites", "territory:vimy", 1),
    edge("ACCOMPANIED", "ally:bien-fait-pour-ta-com", "territory:vimy", 2),
    edge("ACCOMPANIED", "ally:la-fabrique-des-transitions", "territory:vimy", 2),
    edge("BASED_IN", "ally:extracites", "territory:lille"),
    edge("BASED_IN", "ally:bien-fait-pour-ta-com", "territory:lille"),
    edge("PART_OF", "territory:vimy", "territory:pas-de-calais"),
    edge("MEMBER_OF", "territory:vimy", "cohort:territoires-pilotes-saison-1"),
    edge("CONTRIBUTED_TO", "ally:extracites", "initiative:restauration-scolaire-vimy", 1),
    edge("LOCATED_IN", "initiative:restauration-scolaire-vimy", "territory:vimy"),
    edge("LOCATED_IN", "initiative:vertiges-de-labour", "territory:vimy"),
    edge("ABOUT", "initiative:restauration-scolaire-vimy", "theme:alimentation"),
    edge("ABOUT", "initiative:vertiges-de-labour", "theme:culture"),
  ],
};

let cy: cytoscape.Core;
let model: GraphModel;
beforeEach(() => {
  cy = cytoscape({ headless: true, styleEnabled: true });
  model = new GraphModel(cy, "fr");
  model.add(base, "base");
});

const shown = () =>
  cy
    .nodes()
    .not(".hidden")
    .map((n) => n.id())
    .sort();

describe("mapping the server's elements", () => {
  it("adds each element once, keeps kind and slug, and says what edges mean", () => {
    model.add(base, "again");
    expect(cy.nodes()).toHaveLength(base.nodes.length);
    expect(cy.edges()).toHaveLength(base.edges.length);
    expect(cy.getElementById("ally:extracites").data()).toMatchObject({ kind: "ally", slug: "extracites" });
    expect(cy.getElementById("ACCOMPANIED|ally:extracites|territory:vimy|1").data("caption")).toBe("a accompagné (saison 1)");
  });
});

describe("expand and collapse", () => {
  it("collapsing removes what the expansion brought, and nothing another action still holds", () => {
    const expansion: Elements = {
      truncated: false,
      nodes: [node("ally:extracites"), node("person:jane"), node("territory:loos-en-gohelle")],
      edges: [edge("WORKS_FOR", "person:jane", "ally:extracites")],
    };
    const anchor = cy.getElementById("ally:extracites");
    const fresh = model.add(expansion, "expand:ally:extracites", anchor as cytoscape.NodeSingular);
    expect(fresh.sort()).toEqual(["person:jane", "territory:loos-en-gohelle"]);
    model.add({ truncated: false, nodes: [node("territory:loos-en-gohelle")], edges: [] }, "expand:territory:vimy");
    expect(model.has("expand:ally:extracites")).toBe(true);
    expect(model.removeOrigin("expand:ally:extracites")).toEqual(["person:jane"]);
    expect(cy.getElementById("person:jane").empty()).toBe(true);
    expect(cy.getElementById("territory:loos-en-gohelle").nonempty()).toBe(true); // Vimy's expansion still holds it
    expect(cy.getElementById("ally:extracites").nonempty()).toBe(true); // part of the first view
    expect(model.removeOrigin("expand:territory:vimy")).toEqual(["territory:loos-en-gohelle"]);
  });

  it("places newcomers next to the node they were expanded from", () => {
    const anchor = cy.getElementById("territory:vimy") as cytoscape.NodeSingular;
    anchor.position({ x: 1000, y: 1000 });
    model.add({ truncated: false, nodes: [node("person:x")], edges: [] }, "expand:territory:vimy", anchor);
    const p = cy.getElementById("person:x").position();
    expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeLessThan(200);
  });
});

describe("filters and focus", () => {
  it("a season keeps what took part in it and its places and themes, not what happened another time", () => {
    expect(nodeSeasons(cy.getElementById("territory:vimy") as cytoscape.NodeSingular)).toEqual([1, 2]);
    applyVisibility(cy, { ...noFilters, season: 1 }, null);
    expect(shown()).toEqual([
      "ally:extracites",
      "cohort:territoires-pilotes-saison-1",
      "initiative:restauration-scolaire-vimy",
      "territory:lille",
      "territory:pas-de-calais",
      "territory:vimy",
      "theme:alimentation",
    ]);
    expect(cy.getElementById("ACCOMPANIED|ally:bien-fait-pour-ta-com|territory:vimy|2").hasClass("hidden")).toBe(true);
  });

  it("kinds, theme and région filter; edges go with their ends; positions do not move", () => {
    const before = cy.getElementById("territory:vimy").position();
    applyVisibility(cy, { ...noFilters, kinds: ["ally", "territory"] }, null);
    expect(
      cy
        .nodes()
        .not(".hidden")
        .every((n) => ["ally", "territory"].includes(n.data("kind"))),
    ).toBe(true);
    expect(
      cy
        .edges()
        .not(".hidden")
        .every(
          (e) => !(e as cytoscape.EdgeSingular).source().hasClass("hidden") && !(e as cytoscape.EdgeSingular).target().hasClass("hidden"),
        ),
    ).toBe(true);
    applyVisibility(cy, { ...noFilters, theme: "culture" }, null);
    expect(shown()).toEqual(["initiative:vertiges-de-labour", "territory:vimy", "theme:culture"]);
    applyVisibility(cy, { ...noFilters, region: "11" }, null);
    expect(shown()).toEqual(["territory:paris"]);
    expect(cy.getElementById("territory:vimy").position()).toEqual(before);
  });

  it("the timeline marks what appeared in the season shown, and the marks go when it is left", () => {
    applyVisibility(cy, { ...noFilters, until: 1 }, null);
    // Season 1 of the fixture: Extracités accompanied Vimy and proposed the school catering project
    // (the fiche); Lille, the département and the theme are context, with no season of their own.
    expect(
      cy
        .nodes(".new")
        .map((n) => n.id())
        .sort(),
    ).toEqual(["ally:extracites", "cohort:territoires-pilotes-saison-1", "initiative:restauration-scolaire-vimy", "territory:vimy"]);
    applyVisibility(cy, noFilters, null);
    expect(cy.nodes(".new").length).toBe(0);
    expect(shown()).toHaveLength(base.nodes.length);
  });

  it("focus keeps the node and its neighbourhood to the chosen depth", () => {
    applyVisibility(cy, noFilters, { nodeId: "territory:lille", depth: 1 });
    expect(shown()).toEqual(["ally:bien-fait-pour-ta-com", "ally:extracites", "territory:lille"]);
    applyVisibility(cy, noFilters, { nodeId: "territory:lille", depth: 2 });
    expect(shown()).toContain("territory:vimy");
    expect(shown()).not.toContain("theme:culture");
    applyVisibility(cy, noFilters, null);
    expect(shown()).toHaveLength(base.nodes.length);
  });
});

describe("layouts", () => {
  it("map: places by coordinates (north up, east right), shares a point on a ring, leaves out what has no place", () => {
    const offMap = applyMapPositions(cy);
    const vimy = cy.getElementById("territory:vimy").position();
    const lille = cy.getElementById("territory:lille").position();
    const beauvais = cy.getElementById("territory:beauvais").position();
    expect(lille.x).toBeGreaterThan(vimy.x);
    expect(lille.y).toBeLessThan(vimy.y);
    expect(beauvais.y).toBeGreaterThan(vimy.y);
    const extracites = cy.getElementById("ally:extracites").position();
    expect(extracites).not.toEqual(lille); // on a ring around Lille, not on top of it
    expect(Math.hypot(extracites.x - lille.x, extracites.y - lille.y)).toBeLessThan(100);
    const fabrique = cy.getElementById("ally:la-fabrique-des-transitions").position();
    expect(Math.hypot(fabrique.x - vimy.x, fabrique.y - vimy.y)).toBeLessThan(150); // no address: around where it worked
    expect([...offMap].sort()).toEqual(["cohort:territoires-pilotes-saison-1", "theme:alimentation", "theme:culture"]);
  });

  it("network: a later run settles only the newcomers, the rest stays put", async () => {
    await runNetworkLayout(cy);
    const before = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    const fresh = model.add(
      { truncated: false, nodes: [node("person:jane")], edges: [edge("WORKS_FOR", "person:jane", "ally:extracites")] },
      "expand:ally:extracites",
    );
    await runNetworkLayout(
      cy,
      cy.nodes().filter((n) => fresh.includes(n.id())),
    );
    for (const { id, x, y } of before) {
      const p = cy.getElementById(id).position();
      expect(Math.abs(p.x - x) + Math.abs(p.y - y)).toBeLessThan(1);
    }
  });
});

describe("URL state", () => {
  it("reads and writes every state, and permalinks", () => {
    const url =
      "/allies/extracites?layout=map&view=list&kinds=ally,territory&season=2&theme=culture&region=32&focus=2&near=Lille&radius=30&from=ally:ademe&to=person:xavier-lacouture&lang=en";
    const [pathname, search] = url.split("?");
    const state = parseUrl(pathname!, `?${search}`);
    expect(state).toMatchObject({
      embed: false,
      entity: { kind: "ally", slug: "extracites" },
      layout: "map",
      view: "list",
      filters: { kinds: ["ally", "territory"], season: 2, theme: "culture", region: "32" },
      focusDepth: 2,
      near: { place: "Lille", radiusKm: 30 },
      path: { from: { kind: "ally", slug: "ademe" }, to: { kind: "person", slug: "xavier-lacouture" } },
      lang: "en",
    });
    expect(toUrl(state)).toBe(url);
    expect(parseUrl("/embed/initiatives/vertiges-de-labour", "")).toMatchObject({
      embed: true,
      entity: { kind: "initiative", slug: "vertiges-de-labour" },
      layout: "network",
    });
    expect(toUrl(parseUrl("/", "?season=nonsense&kinds=ghost"))).toBe("/");
    expect(entityPath({ kind: "person", slug: "anne-louise-negre" })).toBe("/people/anne-louise-negre");
    expect(entityPath({ kind: "territory", slug: "vimy" }, true)).toBe("/embed/territories/vimy");
  });
});

describe("exports", () => {
  it("the visible graph as Cytoscape JSON and CSV", () => {
    applyVisibility(cy, { ...noFilters, kinds: ["territory"] }, null);
    const json = JSON.parse(visibleElementsJson(cy));
    expect(json.elements.filter((e: any) => e.group === "nodes").every((e: any) => e.data.kind === "territory")).toBe(true);
    const restored = cytoscape({ headless: true, elements: json.elements });
    expect(restored.nodes()).toHaveLength(5);
    const csv = visibleCsv(cy, "edges").trim().split("\r\n");
    expect(csv[0]).toBe("id,type,source,target,season,role,sourceDocument,quote");
    expect(csv.slice(1).every((line) => line.includes("PART_OF"))).toBe(true);
  });

  it("CSV of the visible nodes: a name a spreadsheet would run gets an apostrophe, a negative longitude stays a number", () => {
    const small = cytoscape({
      headless: true,
      elements: [
        {
          group: "nodes",
          data: { id: "ally:x", kind: "ally", slug: "x", label: '=HYPERLINK("https://example.org")', latitude: 47.2, longitude: -1.55 },
        },
      ],
    });
    const [header, row] = visibleCsv(small, "nodes").trim().split("\r\n");
    expect(header).toBe("id,kind,subkind,slug,label,latitude,longitude,locationApproximate,regionName");
    expect(row).toBe('ally:x,ally,,x,"\'=HYPERLINK(""https://example.org"")",47.2,-1.55,,');
  });
});
