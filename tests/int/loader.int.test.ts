import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { listSeedFiles, loadSeeds, SeedProblems } from "../../seeds/load-seeds.ts";
import { graphSnapshot } from "../helpers/graph-snapshot.ts";
import { badSeedCases, mutateSeeds } from "../helpers/mutated-seeds.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
const one = async <T>(query: string, params: Record<string, unknown> = {}): Promise<T> => {
  const { records } = await database.driver.executeQuery(query, params, { database: database.database });
  return records[0]?.toObject() as T;
};

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
});
afterAll(async () => database.close());

describe("the Vimy fiche in the graph (every fact of design.md)", () => {
  it("Vimy: commune of the Pas-de-Calais, région Hauts-de-France, 4 261 habitants, 11,3 km², INSEE 62861, about 50.372 N 2.810 E", async () => {
    const vimy = await one<Record<string, any>>(
      `MATCH (v:Territory {slug: 'vimy'})-[:PART_OF]->(d:Territory {kind: 'département'})-[:PART_OF]->(r:Territory {kind: 'région'})
       RETURN v.kind AS kind, v.population AS population, v.areaKm2 AS area, v.inseeCode AS insee, v.location.latitude AS lat, v.location.longitude AS lon, d.name AS departement, r.name AS region`,
    );
    expect(vimy).toMatchObject({
      kind: "commune",
      population: 4261,
      area: 11.3,
      insee: "62861",
      departement: "Pas-de-Calais",
      region: "Hauts-de-France",
    });
    expect(vimy.lat).toBeCloseTo(50.372, 2);
    expect(vimy.lon).toBeCloseTo(2.81, 2);
  });

  it("each fact says where it comes from, with the quoted sentence", async () => {
    const population = await one<{ quotes: string[]; fields: string[] }>(
      "MATCH (:Territory {slug: 'vimy'})-[p:SOURCED_FROM]->(:Source {slug: 'territoires-pilotes-saison-2-vimy'}) RETURN p.quotes AS quotes, p.fields AS fields",
    );
    expect(population.fields).toContain("population");
    expect(population.quotes).toContain("4 261 habitants");
    const unsourced = await one<{ n: number }>(
      "MATCH (n) WHERE NOT n:Source AND NOT n:GraphVersion AND NOT (n)-[:SOURCED_FROM]->(:Source) RETURN count(n) AS n",
    );
    expect(unsourced.n).toBe(0);
    const relationshipsWithoutSource = await one<{ n: number }>(
      "MATCH ()-[r]->() WHERE type(r) <> 'SOURCED_FROM' AND NOT EXISTS { MATCH (s:Source {slug: r.source}) } RETURN count(r) AS n",
    );
    expect(relationshipsWithoutSource.n).toBe(0);
  });

  it("saison 1 (2021-2022): Extracités accompanied Vimy (interviews, co-production workshop) and proposed the school catering pilot", async () => {
    const row = await one<Record<string, any>>(
      `MATCH (e:Ally {slug: 'extracites'})-[a:ACCOMPANIED]->(:Territory {slug: 'vimy'})
       MATCH (e)-[c:CONTRIBUTED_TO]->(i:Initiative)-[:LOCATED_IN]->(:Territory {slug: 'vimy'})
       RETURN a.season AS season, a.startYear AS start, a.endYear AS end, a.role AS role, i.title AS title, i.summary AS summary, i.kind AS kind, c.season AS proposedIn`,
    );
    expect(row).toMatchObject({ season: 1, start: 2021, end: 2022, kind: "pilot-project", proposedIn: 1 });
    expect(row.role).toMatch(/entretiens.*co-production/);
    expect(row.title).toMatch(/gestion transitoire du projet de restauration scolaire/i);
    expect(row.summary).toMatch(/Relocaliser la cantine dans le cœur du bourg.*sans changement d'approvisionnement/);
  });

  it("Extracités: a SCOP based in Lille, also written ExtraCité (public)", async () => {
    const row = await one<Record<string, any>>(
      "MATCH (e:Ally {slug: 'extracites'})-[b:BASED_IN]->(l:Territory) RETURN e.legalForm AS form, e.kind AS kind, e.aliases AS aliases, l.slug AS city, b.source AS source",
    );
    expect(row).toEqual({ form: "SCOP", kind: "cooperative", aliases: ["ExtraCité"], city: "lille", source: "alliance-design-notes" });
  });

  it("saison 2 (2023-2024): participatory evaluation proposed by the Fabrique, then the promotion of Vimy's transition actions with Bien fait pour ta com", async () => {
    const evaluation = await one<Record<string, any>>(
      "MATCH (:Ally {slug: 'la-fabrique-des-transitions'})-[c:CONTRIBUTED_TO]->(i:Initiative {slug: 'evaluation-participative-vimy'}) RETURN c.season AS season, i.status AS status",
    );
    expect(evaluation).toEqual({ season: 2, status: "proposed" });
    const pilot = await one<Record<string, any>>(
      `MATCH (i:Initiative {slug: 'valorisation-transition-vimy'})-[:IN_COHORT]->(c:Cohort)
       MATCH (b:Ally {slug: 'bien-fait-pour-ta-com'})-[:CONTRIBUTED_TO]->(i)
       MATCH (b)-[:BASED_IN]->(:Territory {slug: 'lille'})
       MATCH (b)-[p:PARTNERED_WITH]->(:Ally {slug: 'extracites'})
       MATCH (i)-[:ABOUT]->(t:Theme)
       RETURN i.status AS status, i.plannedEndDate AS end, i.steps AS steps, i.summary AS summary, c.season AS season, c.startYear AS start, c.endYear AS endYear,
              b.kind AS bKind, b.description AS bDescription, p.quote AS tie, collect(t.slug) AS themes`,
    );
    expect(pilot).toMatchObject({
      status: "running",
      end: "2024-09",
      season: 2,
      start: 2023,
      endYear: 2024,
      bKind: "cooperative",
      bDescription: "une coopérative de communication",
    });
    expect(pilot.summary).toMatch(/petites victoires/);
    expect(pilot.steps).toEqual([
      expect.stringMatching(/atelier collectif pendant deux jours.*équipes internes et des habitants/),
      expect.stringMatching(/formation des équipes internes à la communication/),
    ]);
    expect(pilot.tie).toMatch(/liens professionnels/);
    expect(pilot.themes).toEqual(expect.arrayContaining(["mise-en-recit", "communication"]));
  });

  it("other initiatives: Vertiges de Labour (with Loos-en-Gohelle, staged by Xavier Lacouture, June 2023), fiche Action 2.0 and the boussole, the charte éco-manifestation", async () => {
    const show = await one<Record<string, any>>(
      `MATCH (i:Initiative {slug: 'vertiges-de-labour'})-[:LOCATED_IN]->(:Territory {slug: 'vimy'})
       MATCH (:Territory {slug: 'loos-en-gohelle'})-[l:CONTRIBUTED_TO]->(i)
       MATCH (:Person {slug: 'xavier-lacouture'})-[x:CONTRIBUTED_TO]->(i)
       RETURN i.pageTitle AS page, i.summary AS summary, l.role AS loos, x.role AS xavier`,
    );
    expect(show).toMatchObject({
      page: "Ville de Vimy - Vertiges de Labour : mettre en récits le « monde agricole »",
      loos: "créé en coopération",
      xavier: "mise en scène",
    });
    expect(show.summary).toMatch(/agriculteurs et habitants.*juin 2023/s);
    const boussole = await one<Record<string, any>>(
      `MATCH (:Initiative {slug: 'fiche-action-2-0'})-[:INSPIRED_BY]->(b:Initiative)-[:LOCATED_IN]->(t:Territory)<-[:PART_OF]-(:Territory {slug: 'beauvais'})
       RETURN b.pageTitle AS page, t.aliases AS aliases`,
    );
    expect(boussole).toEqual({
      page: "Agglomération du Beauvaisis : la boussole de la coopération",
      aliases: ["Agglomération du Beauvaisis"],
    });
    const charter = await one<Record<string, any>>(
      "MATCH (i:Initiative {slug: 'charte-eco-manifestation-vimy'})-[:ABOUT]->(t:Theme) RETURN i.kind AS kind, collect(t.slug) AS themes",
    );
    expect(charter.kind).toBe("charter");
    expect(charter.themes).toEqual(expect.arrayContaining(["culture", "transition-ecologique"]));
  });

  it("La Fabrique des transitions: 400+ organisations and 1 000 people, supported by ADEME; the fiche's credits", async () => {
    const fabrique = await one<Record<string, any>>(
      "MATCH (f:Ally {slug: 'la-fabrique-des-transitions'})<-[:SUPPORTS]-(a:Ally {slug: 'ademe'}) RETURN f.organisationCount AS orgs, f.organisationCountIsMinimum AS atLeast, f.personCount AS people, f.description AS description",
    );
    expect(fabrique).toMatchObject({ orgs: 400, atLeast: true, people: 1000 });
    expect(fabrique.description).toMatch(/alliance transpartisane/);
    const credits = await one<{ credits: string[] }>(
      "MATCH (p:Person)-[c:CREDITED_IN]->(:Source {slug: 'territoires-pilotes-saison-2-vimy'}) WITH p, c ORDER BY p.name RETURN collect(p.name + ': ' + c.role) AS credits",
    );
    expect(credits.credits).toEqual([
      "Anne-Louise Nègre: rédaction, en lien avec les territoires",
      "Irwin Marchal: relecture et mise en page",
      "Julian Perdrigeat: direction de publication",
    ]);
  });

  it("places for geography: Lille (Nord), Loos-en-Gohelle (Pas-de-Calais), Beauvais (Oise), placed within 2 km", async () => {
    const rows = (
      await database.driver.executeQuery(
        "MATCH (c:Territory {kind: 'commune'})-[:PART_OF]->(d:Territory {kind: 'département'}) RETURN c.slug AS slug, d.name AS departement, c.location.latitude AS lat, c.location.longitude AS lon",
        {},
        { database: database.database },
      )
    ).records.map((r) => r.toObject());
    const expected: Record<string, [string, number, number]> = {
      lille: ["Nord", 50.629, 3.057],
      "loos-en-gohelle": ["Pas-de-Calais", 50.457, 2.792],
      beauvais: ["Oise", 49.43, 2.081],
    };
    for (const [slug, [departement, lat, lon]] of Object.entries(expected)) {
      const row = rows.find((r) => r.slug === slug)!;
      expect(row.departement).toBe(departement);
      expect(Math.abs(row.lat - lat) * 111).toBeLessThan(2);
      expect(Math.abs(row.lon - lon) * 71).toBeLessThan(2);
    }
  });

  it("no web address, date or person that no source gives", async () => {
    const urls = await one<{ n: number }>(
      "MATCH (n) WHERE n.pageUrl IS NOT NULL OR n.website IS NOT NULL OR n.url IS NOT NULL RETURN count(n) AS n",
    );
    expect(urls.n).toBe(0);
    const people = await one<{ names: string[] }>("MATCH (p:Person) WITH p ORDER BY p.name RETURN collect(p.name) AS names");
    expect(people.names).toEqual(["Anne-Louise Nègre", "Irwin Marchal", "Julian Perdrigeat", "Xavier Lacouture"]);
  });
});

describe("loading", () => {
  it("twice gives exactly the same graph (counts and every property)", async () => {
    const before = await graphSnapshot(database);
    const result = await loadSeeds(database.driver, database.database, listSeedFiles(), testGazetteer(), true);
    expect(result.pruned).toBe(0);
    const after = await graphSnapshot(database);
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after).toEqual(before);
  });

  it.each(badSeedCases)("rejects a bad file ($name) and leaves the graph untouched", async ({ make }) => {
    const before = await graphSnapshot(database);
    const error = await loadSeeds(database.driver, database.database, make().files, testGazetteer(), true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedProblems);
    expect((error as SeedProblems).problems.length).toBeGreaterThan(0);
    expect(await graphSnapshot(database)).toEqual(before);
  });

  it("removes what the files no longer state when the whole set is loaded, and restores it", async () => {
    const before = await graphSnapshot(database);
    const without = mutateSeeds(
      "allies.yaml",
      "  - type: SUPPORTS\n    from: ademe\n",
      "  - type: SUPPORTS\n    from: la-fabrique-des-transitions\n",
    );
    const result = await loadSeeds(database.driver, database.database, without.files, testGazetteer(), true);
    expect(result.pruned).toBe(1);
    const ties = await one<{ from: string }>(
      "MATCH (a)-[:SUPPORTS]->(:Ally {slug: 'la-fabrique-des-transitions'}) RETURN collect(a.slug) AS from",
    );
    expect(ties.from).toEqual(["la-fabrique-des-transitions"]);
    await loadSeeds(database.driver, database.database, listSeedFiles(), testGazetteer(), true);
    expect(await graphSnapshot(database)).toEqual(before);
  });
});
