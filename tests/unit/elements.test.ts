import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { parseElementRow, toElements } from "../../server/graphql/resolvers/elements.ts";
import { plainProperties } from "../../core/node-values.ts";

// What apoc.convert.toJson makes of the element queries' rows (see cypher/queries/neighbourhood.cypher).
const row = {
  nodes: JSON.stringify([
    {
      label: "Ally",
      props: {
        slug: "extracites",
        name: "Extracités",
        kind: "cooperative",
        location: { crs: "wgs-84", latitude: 50.63, longitude: 3.06, height: null },
      },
    },
    { label: "Territory", props: { slug: "vimy", name: "Vimy", kind: "commune", population: 4261 } },
    { label: "Ally", props: { slug: "extracites", name: "Extracités (again)" } },
  ]),
  relationships: JSON.stringify([
    {
      type: "ACCOMPANIED",
      from: "Ally",
      fromSlug: "extracites",
      to: "Territory",
      toSlug: "vimy",
      props: { season: 2, source: "fiche-vimy", sourceLine: 12 },
    },
    {
      type: "ACCOMPANIED",
      from: "Ally",
      fromSlug: "extracites",
      to: "Territory",
      toSlug: "vimy",
      props: { season: 2, source: "fiche-vimy" },
    },
    { type: "BASED_IN", from: "Ally", fromSlug: "extracites", to: "Territory", toSlug: "lille", props: {} },
  ]),
};

describe("toElements", () => {
  const { nodes, relationships } = parseElementRow(row);
  const elements = toElements(nodes, relationships, false);

  it("makes one node per entity, with kind, subkind, label and the point as latitude and longitude", () => {
    expect(elements.nodes).toHaveLength(2);
    expect(elements.nodes[0]!.data).toEqual({
      id: "ally:extracites",
      kind: "ally",
      subkind: "cooperative",
      slug: "extracites",
      name: "Extracités",
      label: "Extracités",
      latitude: 50.63,
      longitude: 3.06,
    });
    expect(elements.nodes[1]!.data).toMatchObject({ id: "territory:vimy", population: 4261, latitude: null, longitude: null });
  });

  it("keeps one edge per relationship and season, moves the provenance slug to sourceDocument, and drops edges to nodes not shown", () => {
    expect(elements.edges).toHaveLength(1);
    expect(elements.edges[0]!.data).toEqual({
      id: "ACCOMPANIED|ally:extracites|territory:vimy|2",
      type: "ACCOMPANIED",
      source: "ally:extracites",
      target: "territory:vimy",
      sourceDocument: "fiche-vimy",
      season: 2,
      sourceLine: 12,
    });
  });
});

describe("plainProperties", () => {
  it("turns driver points and APOC's JSON points into latitude and longitude, and leaves lists alone", () => {
    const props = {
      here: new neo4j.types.Point(4326, 2.35, 48.85),
      there: { crs: "wgs-84", latitude: 1, longitude: 2, height: null },
      themes: ["a", "b"],
      slug: "x",
    };
    expect(plainProperties(props, "slug")).toEqual({
      here: { latitude: 48.85, longitude: 2.35 },
      there: { latitude: 1, longitude: 2 },
      themes: ["a", "b"],
    });
  });
});
