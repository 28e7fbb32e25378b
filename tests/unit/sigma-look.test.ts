import { describe, expect, it } from "vitest";
import { edgeLook, nodeLook, overWhite, type LookSource } from "../../client/src/graph/sigma-look.ts";

/**
 * What sigma.js draws for the explorer's large slices, against Cytoscape's stylesheet
 * (client/src/graph/stylesheet.ts) and the model's colours (core/model/kind-colors.ts): the expected
 * values are the stylesheet's, written out here.
 */
const source = (data: Record<string, unknown>, classes: string[] = [], selected = false): LookSource => ({
  data,
  classes: new Set(classes),
  selected,
});
const at = { x: 120, y: -40 };

describe("sigma.js looks (sigma-look.ts)", () => {
  it("a node takes its kind's colour and half its kind's width as radius, at the model's x and the negated y", () => {
    expect(nodeLook(source({ id: "ally:extracites", kind: "ally", label: "Extracités" }), at)).toEqual({
      x: 120,
      y: 40,
      size: 16, // ally: width 32
      color: "#0072B2",
      label: "Extracités",
      hidden: false,
      forceLabel: false,
      highlighted: false,
      zIndex: 0,
    });
    expect(nodeLook(source({ kind: "territory", label: "Vimy" }), at)).toMatchObject({ size: 17, color: "#009E73" });
    // région and network: 44 wide; département and intercommunalité: 38
    expect(nodeLook(source({ kind: "territory", subkind: "région" }), at).size).toBe(22);
    expect(nodeLook(source({ kind: "territory", subkind: "intercommunalité" }), at).size).toBe(19);
  });

  it("the Affichage panel's size and colour win over the kind's", () => {
    expect(nodeLook(source({ kind: "ally", displaySize: 72, displayColor: "#E69F00" }), at)).toMatchObject({ size: 36, color: "#E69F00" });
  });

  it("hidden, faded, outside the community, selected, near, on a path", () => {
    expect(nodeLook(source({ kind: "ally" }, ["hidden"]), at).hidden).toBe(true);
    // opacity 0.18 over white: 0.18 × (0, 114, 178) + 0.82 × 255 = (209, 230, 241)
    expect(nodeLook(source({ kind: "ally", label: "A" }, ["faded"]), at)).toMatchObject({ color: "#d1e6f1", label: "" });
    expect(nodeLook(source({ kind: "ally" }, ["outside-community"]), at).color).toBe("#d9eaf3"); // opacity 0.15
    expect(nodeLook(source({ kind: "ally", label: "A" }, [], true), at)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 1 });
    expect(nodeLook(source({ kind: "ally", label: "A", nearLabel: "A — 3 km" }, ["near"]), at)).toMatchObject({
      label: "A — 3 km",
      highlighted: true,
      forceLabel: true,
      zIndex: 2,
    });
    expect(nodeLook(source({ kind: "ally" }, ["path"]), at)).toMatchObject({ forceLabel: true, highlighted: false });
  });

  it("an edge takes its type's colour and width; a path is black and 5 wide; hidden and faded as nodes", () => {
    expect(edgeLook(source({ type: "ACCOMPANIED" }))).toEqual({ size: 1.6, color: "#0072B2", hidden: false, zIndex: 0 });
    expect(edgeLook(source({ type: "PART_OF" }))).toMatchObject({ size: 1.2, color: "#9aa3ad" }); // structure: grey, dashed in Cytoscape
    expect(edgeLook(source({ type: "SOMETHING_NEW" })).color).toBe("#9aa3ad");
    expect(edgeLook(source({ type: "ACCOMPANIED" }, ["path"]))).toEqual({ size: 5, color: "#000000", hidden: false, zIndex: 1 });
    expect(edgeLook(source({ type: "ACCOMPANIED" }, [], true)).size).toBe(4);
    expect(edgeLook(source({ type: "ACCOMPANIED" }, ["hidden"])).hidden).toBe(true);
    expect(edgeLook(source({ type: "ACCOMPANIED" }, ["faded"])).color).toBe("#d1e6f1");
  });

  it("overWhite mixes a colour with the page's white as Cytoscape's opacity shows it, and leaves an opaque one as it is", () => {
    expect(overWhite("#E69F00", 0.5)).toBe("#f3cf80"); // (230, 159, 0) halfway to 255: (242.5 → 243, 207, 127.5 → 128)
    expect(overWhite("#E69F00", 1)).toBe("#E69F00");
  });
});
