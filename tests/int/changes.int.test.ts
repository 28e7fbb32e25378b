import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { createTestAccounts, deleteTestAccounts, graphqlAs, login } from "../helpers/accounts.ts";
import { graphSnapshot } from "../helpers/graph-snapshot.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";
import type { ChangeInput } from "../../seeds/changes/change-input.ts";
import type { ChangeRecord } from "../../seeds/changes/change-record.ts";
import { ChangeService } from "../../seeds/changes/change-service.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";

let database: Database;
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  await deleteTestAccounts(database);
  await createTestAccounts(database, { viewer: "vera", contributor: "colin", editor: "edith", admin: "ada" });
  app = await startTestApp(database);
  for (const name of ["vera", "colin", "edith", "ada"]) tokens[name] = (await login(app.url, name)).token;
});
afterAll(async () => {
  await app.close();
  await deleteTestAccounts(database);
  await resetToSeeds(database);
  await database.close();
});

const apply = `mutation ($change: ChangeInput!) { applyChange(change: $change) { id status author effects { key fields before after } } }`;
const propose = `mutation ($change: ChangeInput!) { proposeChange(change: $change) { id status kind author } }`;
const history = `query ($kind: EntityKind!, $slug: String!) { history(kind: $kind, slug: $slug) { version changes { id kind author note revertOf source effects { key fields } } } }`;
const allyName = `query ($slug: String!) { allies(where: { slug: { eq: $slug } }) { name description basedIn { slug } } }`;

/** The first-hand source the tests' changes cite (no text to check quotes against). */
const statement = (quote: string) => ({ statement: { by: "Edith Éditrice", on: "2026-11-30" }, quote });
const newAlly = (slug: string, name: string) => ({
  operations: [
    { op: "CREATE_ENTITY", entity: { kind: "ally", slug }, properties: { name, kind: "association" } },
    {
      op: "CREATE_RELATIONSHIP",
      relationship: { type: "BASED_IN", from: { kind: "ally", slug }, to: { kind: "territory", slug: "vimy" } },
    },
  ],
  source: statement(`${name} est une association basée à Vimy.`),
});
const rename = (slug: string, version: number, description: string) => ({
  operations: [{ op: "UPDATE_ENTITY", entity: { kind: "ally", slug }, version, properties: { description } }],
  source: statement(`${slug} : ${description}`),
});

async function alliance(): Promise<string> {
  const snapshot = await graphSnapshot(database);
  return JSON.stringify(snapshot);
}

describe("who may write", () => {
  const attempts = [
    { name: "applyChange", query: apply, variables: { change: newAlly("intrus", "Intrus") } },
    { name: "acceptChange", query: `mutation { acceptChange(id: "x") { id } }`, variables: {} },
    { name: "rejectChange", query: `mutation { rejectChange(id: "x", comment: "non") { id } }`, variables: {} },
    { name: "revertChange", query: `mutation { revertChange(id: "x", reason: "non") { id } }`, variables: {} },
  ];

  it("refuses every editor's mutation without a token, or with a viewer's or a contributor's, and changes nothing", async () => {
    const before = await alliance();
    expect(before.length).toBeGreaterThan(1000);
    let refusals = 0;
    for (const who of [undefined, "vera", "colin"]) {
      for (const attempt of attempts) {
        const answer = await graphqlAs(app.url, who && tokens[who], attempt.query, attempt.variables);
        expect(answer.errors?.[0]?.extensions?.code, `${attempt.name} as ${who ?? "anonymous"}`).toBe(
          who ? "FORBIDDEN" : "UNAUTHENTICATED",
        );
        refusals += 1;
      }
    }
    expect(refusals).toBe(12);
    expect(await alliance()).toBe(before);
    const { records } = await database.driver.executeQuery("MATCH (c:Change) RETURN count(c) AS n", {}, { database: database.database });
    expect(records[0]!.get("n")).toBe(0);
  });

  it("refuses an invalid or expired token with 401", async () => {
    const wrong = await graphqlAs(app.url, "not-a-token", "{ me { username } }");
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("says who is asking", async () => {
    expect((await graphqlAs(app.url, tokens.edith, "{ me { username role } }")).data.me).toEqual({ username: "edith", role: "editor" });
    expect((await graphqlAs(app.url, undefined, "{ me { username role } }")).data.me).toBeNull();
  });
});

describe("a change", () => {
  it("is refused without a source, and nothing is written", async () => {
    const before = await alliance();
    const answer = await graphqlAs(app.url, tokens.edith, apply, { change: { ...newAlly("sans-source", "Sans source"), source: {} } });
    expect(answer.errors?.[0]?.extensions?.reason).toBe("invalid-change");
    expect(answer.errors?.[0]?.extensions?.problems?.[0]?.field).toBe("source");
    expect(await alliance()).toBe(before);
  });

  it("is refused when its quote is not in the source's text, at the field", async () => {
    const before = await alliance();
    const change = {
      operations: [{ op: "UPDATE_ENTITY", entity: { kind: "territory", slug: "vimy" }, version: 0, properties: { population: 5000 } }],
      source: { slug: "territoires-pilotes-saison-2-vimy", quote: "Vimy compte 5 000 habitants." },
    };
    const answer = await graphqlAs(app.url, tokens.edith, apply, { change });
    const problems = answer.errors?.[0]?.extensions?.problems as { field: string; message: string; reason?: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.field === "source.quote" && p.reason === "quote-not-found" && /quote not found/.test(p.message))).toBe(
      true,
    );
    expect(await alliance()).toBe(before);
  });

  it("names the field of a value the model refuses", async () => {
    const change = {
      operations: [
        { op: "CREATE_ENTITY", entity: { kind: "ally", slug: "mauvais" }, properties: { name: "Mauvais", kind: "guild", personCount: -3 } },
      ],
      source: statement("Mauvais."),
    };
    const answer = await graphqlAs(app.url, tokens.edith, apply, { change });
    const fields = (answer.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual(["operations[0].properties.kind", "operations[0].properties.personCount"]);
  });

  it("refuses properties that are not a map, and deleting a source that facts cite", async () => {
    const notAMap = await graphqlAs(app.url, tokens.edith, apply, {
      change: {
        operations: [{ op: "CREATE_ENTITY", entity: { kind: "ally", slug: "liste" }, properties: ["Liste"] }],
        source: statement("Liste."),
      },
    });
    expect(notAMap.errors?.[0]?.extensions?.problems?.map((p: { field: string }) => p.field)).toContain("operations[0].properties");
    const fiche = await graphqlAs(app.url, tokens.edith, apply, {
      change: {
        operations: [{ op: "DELETE_ENTITY", entity: { kind: "source", slug: "territoires-pilotes-saison-2-vimy" }, version: 0 }],
        source: statement("La fiche est retirée."),
      },
    });
    expect(fiche.errors?.[0]?.extensions?.problems?.[0]?.message).toMatch(/^\d+ facts cite this source/);
  });

  it("is checked against the COG, as the seed loader checks a territory", async () => {
    const change = {
      operations: [
        {
          op: "CREATE_ENTITY",
          entity: { kind: "territory", slug: "arras" },
          properties: { name: "Arrass", kind: "commune", inseeCode: "62041" },
        },
      ],
      source: statement("Arras est une commune."),
    };
    const problems = (await graphqlAs(app.url, tokens.edith, apply, { change })).errors?.[0]?.extensions?.problems;
    // The COG (Insee's official geographic code) names commune 62041 "Arras".
    expect(problems).toEqual([
      expect.objectContaining({ field: "operations[0].properties.name", reason: "cog-name", params: { official: "Arras" } }),
    ]);
  });

  it("an ally created with nothing but its source opens: its neighbourhood is the ally alone, no edge", async () => {
    const change = {
      operations: [
        {
          op: "CREATE_ENTITY",
          entity: { kind: "ally", slug: "seul-au-monde" },
          properties: { name: "Seul au monde", kind: "association" },
        },
      ],
      source: statement("Seul au monde est une association."),
    };
    expect((await graphqlAs(app.url, tokens.edith, apply, { change })).errors).toBeUndefined();
    for (const depth of [1, 2, 3]) {
      const answer = await graphqlAs(
        app.url,
        undefined,
        `query ($depth: Int) { neighbourhood(kind: ally, slug: "seul-au-monde", depth: $depth) { nodes { data } edges { data } truncated } }`,
        { depth },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data.neighbourhood.nodes.map((n: { data: { id: string; label: string } }) => [n.data.id, n.data.label])).toEqual([
        ["ally:seul-au-monde", "Seul au monde"],
      ]);
      expect(answer.data.neighbourhood).toMatchObject({ edges: [], truncated: false });
    }
  });

  it("is applied by an editor with its record, and the entity's history says who, when and from which source", async () => {
    const answer = await graphqlAs(app.url, tokens.edith, apply, { change: newAlly("atelier-des-possibles", "Atelier des possibles") });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.applyChange.status).toBe("applied");
    const ally = await graphqlAs(app.url, undefined, allyName, { slug: "atelier-des-possibles" });
    expect(ally.data.allies).toEqual([{ name: "Atelier des possibles", description: null, basedIn: [{ slug: "vimy" }] }]);
    const h = (await graphqlAs(app.url, undefined, history, { kind: "ally", slug: "atelier-des-possibles" })).data.history;
    expect(h.version).toBe(1);
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0].author).toBe("edith");
    expect(h.changes[0].source.slug).toMatch(/^declaration-edith-editrice-2026-11-30/);
    // Vimy's history shows the link, but its version (what an update names) does not move.
    const vimy = (await graphqlAs(app.url, undefined, history, { kind: "territory", slug: "vimy" })).data.history;
    expect(vimy.changes.map((c: { id: string }) => c.id)).toContain(answer.data.applyChange.id);
    expect(vimy.version).toBe(0);
    // The provenance links say which fields the statement gave, and that GeoNames placed it (where it is based), as the loader says.
    const { records } = await database.driver.executeQuery(
      "MATCH (:Ally {slug: 'atelier-des-possibles'})-[p:SOURCED_FROM]->(s:Source) RETURN p.fields AS fields, s.kind AS kind ORDER BY kind",
      {},
      { database: database.database },
    );
    expect(records.map((r) => [r.get("fields"), r.get("kind")])).toEqual([
      [["location"], "referential"],
      [["kind", "name"], "statement"],
    ]);
  });

  it("refuses the second of two concurrent updates of one ally, saying what changed, and loses nothing", async () => {
    const [first, second] = await Promise.all([
      graphqlAs(app.url, tokens.edith, apply, { change: rename("atelier-des-possibles", 1, "Première description") }),
      graphqlAs(app.url, tokens.ada, apply, { change: rename("atelier-des-possibles", 1, "Seconde description") }),
    ]);
    const answers = [first, second];
    const applied = answers.filter((a) => !a.errors);
    const refused = answers.filter((a) => a.errors);
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const problem = refused[0]!.errors![0].extensions.problems[0];
    expect(problem.field).toBe("operations[0].version");
    expect(problem.message).toMatch(/someone changed it since version 1: (edith|ada) on .* \(description\)/);
    const winner = applied[0] === first ? "Première description" : "Seconde description";
    expect((await graphqlAs(app.url, undefined, allyName, { slug: "atelier-des-possibles" })).data.allies[0].description).toBe(winner);
  });

  it("moves the graph's version on, so the response cache answers afresh", async () => {
    const read = () => graphqlAs(app.url, undefined, allyName, { slug: "atelier-des-possibles" });
    await read();
    expect((await read()).data.allies[0].description).toMatch(/description/);
    const h = (await graphqlAs(app.url, undefined, history, { kind: "ally", slug: "atelier-des-possibles" })).data.history;
    await graphqlAs(app.url, tokens.edith, apply, { change: rename("atelier-des-possibles", h.version, "Troisième description") });
    expect((await read()).data.allies[0].description).toBe("Troisième description");
  });
});

describe("review", () => {
  const queue = `{ reviewQueue { count changes { id kind author status effects { key } operations } } }`;

  it("holds a contributor's proposal and a visitor's suggestion as pending, applying neither", async () => {
    const before = await alliance();
    const proposal = await graphqlAs(app.url, tokens.colin, propose, { change: newAlly("collectif-propose", "Collectif proposé") });
    expect(proposal.data.proposeChange).toMatchObject({ status: "pending", kind: "proposal", author: "colin" });
    const suggestion = await graphqlAs(app.url, undefined, propose, { change: rename("extracites", 0, "Coopérative lilloise") });
    expect(suggestion.data.proposeChange).toMatchObject({ status: "pending", kind: "suggestion", author: "visitor" });
    expect(await alliance()).toBe(before);
    const pending = (await graphqlAs(app.url, tokens.edith, queue)).data.reviewQueue;
    expect(pending.count).toBe(2);
    expect(pending.changes.map((c: { kind: string }) => c.kind)).toEqual(["proposal", "suggestion"]);
    expect((await graphqlAs(app.url, tokens.colin, queue)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("applies an accepted change, re-validated, and keeps a rejected one out of the graph", async () => {
    const pending = (await graphqlAs(app.url, tokens.edith, queue)).data.reviewQueue.changes;
    const [proposal, suggestion] = pending;
    const accepted = await graphqlAs(
      app.url,
      tokens.edith,
      `mutation ($id: ID!) { acceptChange(id: $id, comment: "Merci") { status reviewedBy comment } }`,
      { id: proposal.id },
    );
    expect(accepted.data.acceptChange).toEqual({ status: "applied", reviewedBy: "edith", comment: "Merci" });
    expect((await graphqlAs(app.url, undefined, allyName, { slug: "collectif-propose" })).data.allies[0].name).toBe("Collectif proposé");
    const rejected = await graphqlAs(
      app.url,
      tokens.edith,
      `mutation ($id: ID!) { rejectChange(id: $id, comment: "Pas de source écrite") { status comment } }`,
      { id: suggestion.id },
    );
    expect(rejected.data.rejectChange).toEqual({ status: "rejected", comment: "Pas de source écrite" });
    expect((await graphqlAs(app.url, undefined, allyName, { slug: "extracites" })).data.allies[0].description).toBeNull();
    const again = await graphqlAs(app.url, tokens.edith, `mutation ($id: ID!) { acceptChange(id: $id) { status } }`, { id: suggestion.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: "change-state", params: { status: "rejected" } });
    expect((await graphqlAs(app.url, tokens.edith, queue)).data.reviewQueue.count).toBe(0);
  });
});

describe("revert", () => {
  const revert = `mutation ($id: ID!) { revertChange(id: $id, reason: "Erreur de saisie") { id kind status revertOf } }`;

  it("undoes a change with a new change, and refuses when a later change touched the same fields", async () => {
    const created = await graphqlAs(app.url, tokens.edith, apply, { change: newAlly("a-annuler", "À annuler") });
    const firstEdit = await graphqlAs(app.url, tokens.edith, apply, { change: rename("a-annuler", 1, "Une") });
    await graphqlAs(app.url, tokens.edith, apply, { change: rename("a-annuler", 2, "Deux") });
    const refused = await graphqlAs(app.url, tokens.edith, revert, { id: firstEdit.data.applyChange.id });
    expect(refused.errors?.[0]?.extensions?.problems?.[0]?.message).toMatch(
      /changed Ally "a-annuler" \(description\) since; revert it first/,
    );
    // Reverting the creation is refused too: later changes edited the ally.
    expect((await graphqlAs(app.url, tokens.edith, revert, { id: created.data.applyChange.id })).errors).toBeDefined();

    const last = (await graphqlAs(app.url, undefined, history, { kind: "ally", slug: "a-annuler" })).data.history.changes[0];
    const undone = await graphqlAs(app.url, tokens.edith, revert, { id: last.id });
    expect(undone.data.revertChange).toMatchObject({ kind: "revert", status: "applied", revertOf: last.id });
    expect((await graphqlAs(app.url, undefined, allyName, { slug: "a-annuler" })).data.allies[0].description).toBe("Une");
    const twice = await graphqlAs(app.url, tokens.edith, revert, { id: last.id });
    expect(twice.errors?.[0]?.extensions?.params?.status).toBe("reverted");
  });

  it("restores a deleted entity with its relationships and provenance", async () => {
    const before = await alliance();
    const h = (await graphqlAs(app.url, undefined, history, { kind: "ally", slug: "extracites" })).data.history;
    const deletion = await graphqlAs(app.url, tokens.edith, apply, {
      change: {
        operations: [{ op: "DELETE_ENTITY", entity: { kind: "ally", slug: "extracites" }, version: h.version }],
        source: statement("Extracités a quitté l'alliance."),
      },
    });
    expect(deletion.errors).toBeUndefined();
    expect((await graphqlAs(app.url, undefined, allyName, { slug: "extracites" })).data.allies).toEqual([]);
    await graphqlAs(app.url, tokens.edith, revert, { id: deletion.data.applyChange.id });
    // Every node and relationship as it was (the statement's Source node aside, which the deletion created).
    const after = JSON.parse(await alliance()) as { nodes: string[]; relationships: string[] };
    const original = JSON.parse(before) as { nodes: string[]; relationships: string[] };
    expect(after.relationships).toEqual(original.relationships);
    expect(after.nodes.filter((n) => !n.includes("extracites-a-quitte") && !n.includes('"kind":"statement"'))).toEqual(
      original.nodes.filter((n) => !n.includes('"kind":"statement"')),
    );
  });
});

describe("search after a change", () => {
  const search = `query ($text: String!) { search(text: $text) { slug } }`;
  const found = async (text: string): Promise<string[]> =>
    ((await graphqlAs(app.url, undefined, search, { text })).data.search as { slug: string }[]).map((hit) => hit.slug);

  it("finds an ally by the name a change gave it at once, and no longer by its old name", async () => {
    const created = await graphqlAs(app.url, tokens.edith, apply, { change: newAlly("quetzal-recherche", "Quetzal Recherche") });
    expect(created.errors).toBeUndefined();
    expect(await found("Quetzal")).toContain("quetzal-recherche");
    const renamed = await graphqlAs(app.url, tokens.edith, apply, {
      change: {
        operations: [
          { op: "UPDATE_ENTITY", entity: { kind: "ally", slug: "quetzal-recherche" }, version: 1, properties: { name: "Ocelot Études" } },
        ],
        source: statement("Quetzal Recherche s'appelle désormais Ocelot Études."),
      },
    });
    expect(renamed.errors).toBeUndefined();
    expect(await found("Ocelot")).toContain("quetzal-recherche");
    expect(await found("Quetzal")).not.toContain("quetzal-recherche");
  });
});

describe("what a change answers", () => {
  it("is its record as stored, whichever way it went: applied, held, accepted, rejected, reverted", async () => {
    const service = new ChangeService(database.driver, database.database, testGazetteer(), sourcesDir);
    const editor = { username: "edith", role: "editor" };
    const contributor = { username: "colin", role: "contributor" };
    const stored = async (record: ChangeRecord) => expect(record).toEqual(await service.get(record.id));
    const ally = (slug: string, name: string) => newAlly(slug, name) as ChangeInput; // what the API hands the service

    const applied = await service.apply(ally("reponse-appliquee", "Réponse appliquée"), editor, "edit");
    expect(applied).toMatchObject({ status: "applied", author: "edith", kind: "edit" });
    expect(applied.keys).toContain("Ally/reponse-appliquee");
    expect(applied.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await stored(applied);

    const held = await service.hold(ally("reponse-tenue", "Réponse tenue"), contributor, "proposal");
    expect(held).toMatchObject({ status: "pending", author: "colin", kind: "proposal" });
    await stored(held);
    const accepted = await service.accept(held.id, editor, "Oui");
    expect(accepted).toMatchObject({ id: held.id, status: "applied", reviewedBy: "edith", comment: "Oui" });
    await stored(accepted);

    const refused = await service.hold(ally("reponse-refusee", "Réponse refusée"), contributor, "proposal");
    const rejected = await service.reject(refused.id, editor, "Non");
    expect(rejected).toMatchObject({ id: refused.id, status: "rejected", reviewedBy: "edith", comment: "Non" });
    await stored(rejected);

    const reverted = await service.revert(applied.id, editor, "Erreur de saisie");
    expect(reverted).toMatchObject({ kind: "revert", status: "applied", revertOf: applied.id });
    await stored(reverted);
    expect((await service.get(applied.id))!.revertedBy).toBe(reverted.id);
  });
});
