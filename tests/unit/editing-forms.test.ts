import { describe, expect, it } from "vitest";
import { relationshipKey } from "../../core/change-keys.ts";
import { linkChoices } from "../../client/src/editing/link-choices.ts";

describe("Ajouter un lien offers only what the model allows", () => {
  it("for an ally: the types with Ally at one end, and the kinds at the other (core/model/relationship-kinds.ts)", () => {
    const choices = linkChoices("ally").map((c) => `${c.out ? "out" : "in"} ${c.type} ${c.others.join("/")}`);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.sort()).toEqual(
      [
        "out BASED_IN territory",
        "out ACCOMPANIED territory",
        "out CONTRIBUTED_TO initiative",
        "in WORKS_FOR person",
        "out PARTNERED_WITH ally",
        "in PARTNERED_WITH ally",
        "out SUPPORTS ally/initiative/territory/cohort",
        "in SUPPORTS ally",
      ].sort(),
    );
  });

  it("for a theme: only initiatives are about it", () => {
    expect(linkChoices("theme").map((c) => `${c.out ? "out" : "in"} ${c.type} ${c.others.join("/")}`)).toEqual(["in ABOUT initiative"]);
  });
});

describe("change records key relationships as the loader merges them", () => {
  it("tells two accompaniments of different seasons apart, and ignores properties outside the key", () => {
    const ally = { label: "Ally" as const, slug: "extracites" };
    const vimy = { label: "Territory" as const, slug: "vimy" };
    expect(relationshipKey("ACCOMPANIED", ally, vimy, { season: 1, role: "a" })).toBe("ACCOMPANIED|Ally/extracites|Territory/vimy|1");
    expect(relationshipKey("ACCOMPANIED", ally, vimy, { season: 1, role: "b" })).toBe(
      relationshipKey("ACCOMPANIED", ally, vimy, { season: 1 }),
    );
    expect(relationshipKey("ACCOMPANIED", ally, vimy, { season: 2 })).not.toBe(relationshipKey("ACCOMPANIED", ally, vimy, { season: 1 }));
    expect(relationshipKey("BASED_IN", ally, vimy, { quote: "x" })).toBe("BASED_IN|Ally/extracites|Territory/vimy");
  });
});
