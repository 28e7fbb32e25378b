import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { createTestAccounts, graphqlAs, login } from "../helpers/accounts.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testConfig } from "../helpers/test-database.ts";

/**
 * The import through the page's endpoints and the CLI, against the real Neo4j: a spreadsheet of 300
 * allies and a PDF fiche go into the review queue, an editor accepts them, and the graph holds what
 * the preview said, placed in its communes; nothing for the rows it left out.
 */
const run = promisify(execFile);
let database: Database;
let app: TestApp;
const fixture = (name: string) => path.join("tests", "imports", name);

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  await createTestAccounts(database, { contributor: "imp-contributor", editor: "imp-editor", viewer: "imp-viewer" });
  app = await startTestApp(database, {
    RATE_LIMIT_IMPORT: "1000",
    RATE_LIMIT_GRAPHQL: "100000",
    LOGIN_LIMIT_PER_ADDRESS: "1000",
    RATE_LIMIT_AUTH: "100000",
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Line = { type: string; [key: string]: any };
async function post(
  route: "preview" | "send",
  token: string | undefined,
  body: Record<string, unknown>,
): Promise<{ status: number; lines: Line[] }> {
  const response = await fetch(`${app.url}/import/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.headers.get("content-type")?.startsWith("application/json")) return { status: response.status, lines: [JSON.parse(text)] };
  return {
    status: response.status,
    lines: text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Line),
  };
}
const file = (name: string) => ({ name: path.basename(name), data: fs.readFileSync(name).toString("base64") });
const last = (lines: Line[]) => lines.at(-1)!;
const count = async (query: string, params: Record<string, unknown> = {}) =>
  Number((await database.driver.executeQuery(query, params, { database: database.database })).records[0]!.get(0));

describe("the page's import of a spreadsheet", () => {
  let preview: any;

  it("is for contributors and editors: 401 anonymous, 403 for a viewer, 403 for a contributor applying at once", async () => {
    const body = { file: file(fixture("hand-written.csv")) };
    expect((await post("preview", undefined, body)).status).toBe(401);
    expect((await post("preview", (await login(app.url, "imp-viewer")).token, body)).status).toBe(403);
    const contributor = (await login(app.url, "imp-contributor")).token;
    const refused = await post("send", contributor, { ...body, mode: "apply", source: { title: "t", publisher: "p" } });
    expect(refused.status).toBe(403);
    expect(refused.lines[0].errors[0].message).toMatch(/editor role/);
  });

  it("previews 300 rows with its progress, mapped from their French headers, problems at their cells", async () => {
    const { token } = await login(app.url, "imp-contributor");
    const { status, lines } = await post("preview", token, { file: file(fixture("allies-hauts-de-france.csv")) });
    expect(status).toBe(200);
    expect(lines.filter((l) => l.type === "progress" && l.phase === "rows").length).toBeGreaterThan(1);
    const answer = last(lines);
    expect(answer.type).toBe("preview");
    preview = answer.preview;
    expect(preview.counts.rows).toBe(300);
    expect(preview.columns.map((c: any) => [c.header, c.target])).toEqual([
      ["Nom", "name"],
      ["Type de structure", "kind"],
      ["Commune", "place:commune"],
      ["Code postal", "place:postcode"],
      ["Site web", "website"],
      ["SIREN", "siren"],
      ["Courriel", null],
    ]);
    // What the labels say (tests/imports/allies-hauts-de-france.csv.labels.json): the repeats of the seeds' allies are updates or unchanged.
    const labels = JSON.parse(fs.readFileSync(fixture("allies-hauts-de-france.csv.labels.json"), "utf8")).rows as Record<string, any>;
    const ofSeeds = preview.rows.filter((r: any) => labels[r.line].duplicate?.startsWith("graph:"));
    expect(ofSeeds.length).toBeGreaterThan(5);
    // The first row about a seed ally updates it (or leaves it); the next ones follow that row.
    for (const row of ofSeeds)
      expect([row.action, row.match?.slug]).toEqual([
        expect.stringMatching(/^(update|unchanged|same-as-row)$/),
        labels[row.line].duplicate.slice(6),
      ]);
    const flagged = preview.rows.filter((r: any) => labels[r.line].commune === "flag");
    expect(flagged.length).toBeGreaterThan(3);
    for (const row of flagged) expect(row.problems.some((p: any) => p.column === "Commune" && p.params.candidates)).toBe(true);
  });

  it("sends the rows as one change into the review queue; once accepted, the allies stand in their communes, near Lille", async () => {
    const contributor = (await login(app.url, "imp-contributor")).token;
    const before = await count("MATCH (a:Ally) RETURN count(a)");
    const { lines } = await post("send", contributor, {
      file: file(fixture("allies-hauts-de-france.csv")),
      mode: "propose",
      source: { title: "Alliés des Hauts-de-France (test)", publisher: "Réseau de test", year: 2026 },
      saveMapping: "Export mensuel des alliés",
    });
    const sent = last(lines);
    expect(sent, JSON.stringify(sent).slice(0, 2000)).toMatchObject({ type: "sent" });
    expect(sent.change.status).toBe("pending");
    expect(await count("MATCH (a:Ally) RETURN count(a)")).toBe(before); // nothing written until accepted

    const editor = (await login(app.url, "imp-editor")).token;
    const accepted = await graphqlAs(app.url, editor, `mutation($id: ID!) { acceptChange(id: $id) { status } }`, { id: sent.change.id });
    expect(accepted.data?.acceptChange.status).toBe("applied");
    expect(await count("MATCH (a:Ally) RETURN count(a)")).toBe(before + preview.counts.create);
    // Every created row's ally is where its commune is, and quotes its row.
    const created = preview.rows.filter((r: any) => r.action === "create");
    expect(created.length).toBeGreaterThan(200);
    for (const row of created.slice(0, 40)) {
      const { records } = await database.driver.executeQuery(
        "MATCH (a:Ally {slug: $slug})-[b:BASED_IN]->(t:Territory) RETURN t.inseeCode AS code, b.quote AS quote, a.location IS NOT NULL AS placed",
        { slug: row.entity.slug },
        { database: database.database },
      );
      expect(records.map((r) => [r.get("code"), r.get("quote"), r.get("placed")])).toEqual([[row.place.code, row.quote, true]]);
    }
    // Rows left out wrote nothing.
    for (const row of preview.rows.filter((r: any) => r.action === "problem" && r.entity))
      if (!preview.rows.some((other: any) => other.action !== "problem" && other.entity?.slug === row.entity.slug))
        expect(await count("MATCH (a:Ally {slug: $slug}) RETURN count(a)", { slug: row.entity.slug })).toBe(0);
    // An ally of the file based in Lille is near Lille.
    const inLille = created.find((r: any) => r.place.code === "59350");
    expect(inLille).toBeDefined();
    const near = await graphqlAs(app.url, undefined, `{ alliesNear(place: "Lille", radiusKm: 5, limit: 1000) { ally { slug } } }`);
    expect(near.data.alliesNear.map((n: any) => n.ally.slug)).toContain(inLille.entity.slug);
  });

  it("maps itself by the saved mapping the next time, and finds the graph holds it all", async () => {
    const { token } = await login(app.url, "imp-contributor");
    const mappings = await fetch(`${app.url}/import/mappings`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    expect(mappings.mappings.map((m: any) => m.name)).toContain("Export mensuel des alliés");
    const again = last((await post("preview", token, { file: file(fixture("allies-hauts-de-france.csv")) })).lines);
    expect(again.preview.mapping).toEqual({ name: "Export mensuel des alliés", how: "saved" });
    const created = again.preview.rows.filter((r: any) => r.action === "create");
    if (created.length)
      console.log(JSON.stringify(created.map((r: any) => [r.line, r.cells, r.entity, preview.rows.find((p: any) => p.line === r.line)])));
    expect(again.preview.counts.create).toBe(0);
    expect(again.preview.counts.update).toBe(0);
    const c = preview.counts;
    expect(again.preview.counts.unchanged + again.preview.counts["same-as-row"]).toBe(c.create + c.update + c.unchanged + c["same-as-row"]);
  });

  it("refuses a file that is not importable with one line, and writes nothing", async () => {
    const { token } = await login(app.url, "imp-contributor");
    const changes = await count("MATCH (c:Change) RETURN count(c)");
    for (const [name, data, expected] of [
      ["image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /is a binary file/],
      ["protected.xlsx", fs.readFileSync(fixture("refused/protected.xlsx")), /protected by a password/],
    ] as const) {
      const answer = last(
        (
          await post("send", token, {
            file: { name, data: data.toString("base64") },
            mode: "propose",
            source: { title: "t", publisher: "p" },
          })
        ).lines,
      );
      expect(answer).toMatchObject({ type: "error", reason: "refused" });
      expect(answer.message).toMatch(expected);
    }
    expect(await count("MATCH (c:Change) RETURN count(c)")).toBe(changes);
  });
});

describe("the page's import of a PDF fiche", () => {
  it("drafts it against the graph, sends it for review, and once accepted the graph cites it, its text kept", async () => {
    const { token } = await login(app.url, "imp-contributor");
    const body = { file: file(path.join("tests", "fiches", "pdf", "fiche-02-mormal.pdf")) };
    const draft = last((await post("preview", token, body)).lines);
    expect(draft.type).toBe("fiche");
    expect(draft.fiche.problems).toEqual([]);
    expect(draft.fiche.entities.map((e: any) => e.slug)).toEqual(
      expect.arrayContaining(["cc-du-pays-de-mormal", "atelier-bocage", "ricochet"]),
    );
    // What the fiche states quotes it; a commune's code is the COG's.
    const ofFiche = draft.fiche.entities.filter((e: any) => !e.known && e.source === "fiche-02-mormal");
    expect(ofFiche.length).toBeGreaterThan(3);
    for (const entity of ofFiche) expect([entity.slug, entity.quotes.length > 0]).toEqual([entity.slug, true]);
    expect(draft.fiche.entities.filter((e: any) => e.source === "cog").map((e: any) => e.slug)).toEqual(expect.arrayContaining(["bavay"]));
    const sent = last((await post("send", token, { ...body, mode: "propose" })).lines);
    expect(sent).toMatchObject({ type: "sent", change: { status: "pending" } });
    const editor = (await login(app.url, "imp-editor")).token;
    const accepted = await graphqlAs(app.url, editor, `mutation($id: ID!) { acceptChange(id: $id) { status } }`, { id: sent.change.id });
    expect(accepted.data?.acceptChange.status).toBe("applied");
    const { records } = await database.driver.executeQuery(
      "MATCH (s:Source {slug: 'fiche-02-mormal'}) OPTIONAL MATCH (a:Ally {slug: 'ricochet'})-[r:ACCOMPANIED]->(:Territory) RETURN s.text AS text, r.source AS source, r.quote AS quote",
      {},
      { database: database.database },
    );
    expect(records[0]!.get("text")).toMatch(/^DONNÉES DE TEST/);
    expect(records[0]!.get("source")).toBe("fiche-02-mormal");
    expect(records[0]!.get("text").replace(/\s+/g, " ")).toContain(records[0]!.get("quote"));
    // The same fiche again: nothing wrong with it, and nothing left to send.
    const again = last((await post("preview", token, body)).lines);
    expect(again.fiche.problems).toEqual([]);
    expect(again.fiche.entities.every((e: any) => e.known)).toBe(true);
    const resent = last((await post("send", token, { ...body, mode: "propose" })).lines);
    expect(resent).toMatchObject({ type: "sent", change: null });
  });
});

describe("npm run import for any spreadsheet", () => {
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "seeds/import/import-cli.ts", ...args], {
      env: { ...process.env, NEO4J_URI: testConfig().neo4j.uri, LOG_LEVEL: "error" },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  it("--check prints the preview with problems at their rows and exits 3; a mapping beside the file is used; --propose refuses bad rows without --skip-bad-rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
    const sheet = path.join(dir, "partenaires.csv");
    fs.copyFileSync(fixture("hand-written.csv"), sheet);
    const check = await cli([sheet, "--check"]);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/partenaires\.csv:13 \[Ville\]: 3 communes are named "Montreuil"/);
    expect(check.stdout).toMatch(/Forme\s+→ Kind \(kind, from its values\)/);
    fs.writeFileSync(
      path.join(dir, "partenaires.mapping.json"),
      JSON.stringify({
        kind: "ally",
        columns: {
          Structure: "name",
          Forme: "kind",
          Ville: "place:commune",
          CP: "place:postcode",
          Département: null,
          Site: null,
          Remarques: null,
        },
      }),
    );
    const mapped = await cli([sheet]);
    expect(mapped.stdout).toMatch(/Mapping: file "partenaires\.mapping\.json"/);
    expect(mapped.stdout).toMatch(/Site\s+→ not imported/);
    const refused = await cli([sheet, "--propose", "--publisher", "Réseau de test"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/row\(s\) have problems or duplicates to decide.*--skip-bad-rows/);
    const proposed = await cli([sheet, "--propose", "--publisher", "Réseau de test", "--skip-bad-rows", "--drop", "13"]);
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toMatch(/Proposed change [0-9a-f-]{36} \(\d+ operations\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
