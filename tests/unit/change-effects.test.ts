import { describe, expect, it } from "vitest";
import { touchesSearch, type Effect } from "../../seeds/changes/effects.ts";

// What the fulltext index entity_text holds (cypher/schema/indexes.cypher): the entities of every
// kind, by name, aliases, title and pageTitle. A change touching any of that must wait for the
// index's refresh, so that search finds what it wrote; any other change need not.
const ally = (before: Record<string, unknown> | null, after: Record<string, unknown> | null): Effect => ({
  target: "entity",
  key: "Ally/extracites",
  label: "Ally",
  slug: "extracites",
  before,
  after,
  fields: [],
});
const base = { slug: "extracites", name: "Extracités", kind: "cooperative", description: "Coopérative." };

describe("touchesSearch: which changes search must see at once", () => {
  it("an entity made or removed", () => {
    expect(touchesSearch([ally(null, base)])).toBe(true);
    expect(touchesSearch([ally(base, null)])).toBe(true);
  });

  it("a name, an alias, an initiative's title or page title changed", () => {
    expect(touchesSearch([ally(base, { ...base, name: "Extracités SCIC" })])).toBe(true);
    expect(touchesSearch([ally(base, { ...base, aliases: ["Extra"] })])).toBe(true);
    const initiative = (before: Record<string, unknown>, after: Record<string, unknown>): Effect => ({
      target: "entity",
      key: "Initiative/cantine",
      label: "Initiative",
      slug: "cantine",
      before,
      after,
      fields: [],
    });
    expect(touchesSearch([initiative({ title: "Cantine" }, { title: "Cantine bio" })])).toBe(true);
    expect(touchesSearch([initiative({ title: "Cantine" }, { title: "Cantine", pageTitle: "La cantine" })])).toBe(true);
  });

  it("not a description, a kind, a relationship, or nothing at all", () => {
    expect(touchesSearch([ally(base, { ...base, description: "Société coopérative." })])).toBe(false);
    expect(touchesSearch([ally(base, { ...base, kind: "association" })])).toBe(false);
    const link: Effect = {
      target: "relationship",
      key: "BASED_IN|Ally/extracites|Territory/vimy",
      type: "BASED_IN",
      from: { label: "Ally", slug: "extracites" },
      to: { label: "Territory", slug: "vimy" },
      before: null,
      after: {},
    };
    expect(touchesSearch([link])).toBe(false);
    expect(touchesSearch([])).toBe(false);
    expect(touchesSearch([link, ally(base, { ...base, name: "Extracités SCIC" })])).toBe(true);
  });
});
