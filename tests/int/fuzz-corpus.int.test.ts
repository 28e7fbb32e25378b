import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inputLimits, InputFileError, readTextInput } from "../../core/cli/input-file.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { toCsv } from "../../core/csv.ts";
import { importKumu } from "../../seeds/import/import-kumu.ts";
import { readKumuFile } from "../../seeds/import/read-kumu-file.ts";
import { listSeedFiles, loadSeeds, SeedProblems } from "../../seeds/load-seeds.ts";
import { createTestAccounts, login } from "../helpers/accounts.ts";
import { pdfOfPages, pdfWithScript, scannedPdf } from "../helpers/make-pdf.ts";
import { graphSnapshot } from "../helpers/graph-snapshot.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";
import { zipFile } from "../helpers/zip-file.ts";

/**
 * The fuzz corpus: malformed inputs by category, each answered with a clear error that says what is
 * wrong and where, never a 500, a stack or a path, and with nothing written (the graph and the
 * change records are compared after every case).
 */
const run = promisify(execFile);
let database: Database;
let app: TestApp;
let before: Awaited<ReturnType<typeof graphSnapshot>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-fuzz-"));
const counts: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  await createTestAccounts(database, { editor: "fuzz-editor" });
  app = await startTestApp(database, { RATE_LIMIT_GRAPHQL: "100000", LOGIN_LIMIT_PER_ADDRESS: "1000", RATE_LIMIT_AUTH: "100000" });
  before = await graphSnapshot(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function nothingWritten(): Promise<void> {
  expect(await graphSnapshot(database)).toEqual(before);
  const { records } = await database.driver.executeQuery("MATCH (c:Change) RETURN count(c) AS n", {}, { database: database.database });
  expect(records[0]!.get("n")).toBe(0);
}

/** Nothing of the server's insides in what a client gets. */
function noLeak(text: string): void {
  expect(text).not.toMatch(/node_modules|\/work\/|\/tmp\/|at [A-Za-z.]+ \(|Neo4jError|MATCH \(|stacktrace/);
}

type Case<T> = [name: string, input: T, expected: RegExp];
function category<T>(name: string, cases: Case<T>[], check: (input: T, expected: RegExp) => Promise<void>): void {
  counts[name] = cases.length;
  describe(name, () => {
    it.each(cases)("%s", async (_, input, expected) => {
      await check(input, expected);
      await nothingWritten();
    });
  });
}

// ── GraphQL arguments: a BAD_USER_INPUT (or validation) error naming the argument, never INTERNAL_SERVER_ERROR.
const graphqlArguments: Case<string>[] = [
  ["generated list, negative limit", "{ allies(limit: -1) { slug } }", /^limit must be 0 or more, not -1$/],
  ["generated list, negative offset", "{ allies(offset: -1) { slug } }", /^offset must be 0 or more, not -1$/],
  [
    "distance filter, latitude 999",
    "{ allies(where: { location: { distance: { from: { latitude: 999, longitude: 2 }, lt: 10 } } }) { slug } }",
    /^latitude is out of range \(999\)/,
  ],
  [
    "paths from an entity to itself",
    '{ paths(fromKind: ally, fromSlug: "extracites", toKind: ally, toSlug: "extracites") { nodes { data } } }',
    /^toSlug names the entity the path starts from/,
  ],
  [
    "paths, limit 1000",
    '{ paths(fromKind: ally, fromSlug: "extracites", toKind: territory, toSlug: "vimy", limit: 1000) { nodes { data } } }',
    /^limit must be between 1 and 50, not 1000$/,
  ],
  [
    "paths, unknown end",
    '{ paths(fromKind: ally, fromSlug: "extracites", toKind: territory, toSlug: "nulle-part") { nodes { data } } }',
    /No territory has the slug "nulle-part"/,
  ],
  ["alliesNear, empty place", '{ alliesNear(place: "") { distanceKm } }', /^place is empty/],
  ["alliesNear, blank place", '{ alliesNear(place: "   ") { distanceKm } }', /^place is empty/],
  [
    "alliesNear, unknown commune",
    '{ alliesNear(place: "Nullepartville") { distanceKm } }',
    /^No French commune is called "Nullepartville"/,
  ],
  ["alliesNear, ambiguous commune", '{ alliesNear(place: "Saint-Denis") { distanceKm } }', /names \d+ communes: .*Add the département/],
  [
    "alliesNear, negative radius",
    '{ alliesNear(place: "Lille", radiusKm: -5) { distanceKm } }',
    /^radiusKm must be more than 0 and at most 1000, not -5$/,
  ],
  [
    "alliesNear, huge radius",
    '{ alliesNear(place: "Lille", radiusKm: 1e9) { distanceKm } }',
    /^radiusKm must be more than 0 and at most 1000/,
  ],
  ["alliesNear, limit 0", '{ alliesNear(place: "Lille", limit: 0) { distanceKm } }', /^limit must be between 1 and 1000, not 0$/],
  [
    "alliesNear, radius as text",
    '{ alliesNear(place: "Lille", radiusKm: "loin") { distanceKm } }',
    /Float cannot represent non numeric value: "loin"/,
  ],
  [
    "search, text of 10 000 characters",
    `{ search(text: "${"a".repeat(10_000)}") { name } }`,
    /^text is too long \(200 characters at most\)$/,
  ],
  ["search, limit 1000", '{ search(text: "vimy", limit: 1000) { name } }', /^limit must be between 1 and 100, not 1000$/],
  [
    "neighbourhood, depth 99",
    '{ neighbourhood(kind: ally, slug: "extracites", depth: 99) { nodes { data } } }',
    /^depth must be between 1 and 3, not 99$/,
  ],
  [
    "neighbourhood, unknown slug",
    '{ neighbourhood(kind: ally, slug: "personne") { nodes { data } } }',
    /^No ally has the slug "personne"$/,
  ],
  [
    "neighbourhood, unknown kind",
    '{ neighbourhood(kind: planet, slug: "x") { nodes { data } } }',
    /Value "planet" does not exist in "EntityKind" enum/,
  ],
  ["overview, limit -3", "{ overview(limit: -3) { total } }", /^limit must be between 1 and 20000, not -3$/],
  [
    "entities, 1 001 refs",
    `{ entities(refs: [${'{ kind: ally, slug: "x" },'.repeat(1001)}]) { nodes { data } } }`,
    /Token limit of 2000 exceeded|at most 1000 at a time \(refs\)/,
  ],
  [
    "collaborators of a territory",
    '{ collaborators(kind: territory, slug: "vimy") { reasons { reason } } }',
    /^collaborators are those of an ally or a person, not a territory$/,
  ],
  ["place, unknown", '{ place(name: "Atlantide") { name } }', /^No French commune is called "Atlantide"/],
  ["unknown field", "{ alliances { slug } }", /^Cannot query field "alliances" on type "Query"/],
  ["syntax error", "{ allies { slug ", /^Syntax Error: Expected Name, found <EOF>/],
  [
    "a generated mutation",
    "mutation { createAllies(input: []) { info { nodesCreated } } }",
    /^Cannot query field "createAllies" on type "Mutation"/,
  ],
  [
    "applyChange without a token",
    'mutation { applyChange(change: { operations: [], source: { statement: { by: "x", on: "2026-01-01" }, quote: "x" } }) { id } }',
    /Log in first|log in/i,
  ],
  [
    "depth 20",
    `{ territories { ${"accompaniedBy { accompanied { ".repeat(10)} slug ${"} } ".repeat(10)} } }`,
    /^Query depth limit of 12 exceeded, found \d+\.$/,
  ],
  [
    "5 000 aliases",
    `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    /^Token limit of 2000 exceeded\.$|Aliases limit/,
  ],
  [
    "20 aliases of search",
    `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: search(text: "v") { name }`).join(" ")} }`,
    /^Aliases limit of 15 exceeded, found 20\.$/,
  ],
];
category("GraphQL arguments", graphqlArguments, async (query, expected) => {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  noLeak(text);
  const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
  expect(body.errors?.length, text).toBeGreaterThan(0);
  expect(body.errors!.map((e) => e.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
  expect(
    body.errors!.some((e) => expected.test(e.message)),
    text.slice(0, 500),
  ).toBe(true);
  expect(response.status).toBeLessThan(500);
});

// ── Requests that are not plain GraphQL posts: variables, operation names, bodies, headers.
const deep = (levels: number) => {
  let value = '{"name":{"eq":"x"}}';
  for (let i = 0; i < levels; i++) value = `{"AND":[${value}]}`;
  return value;
};
const httpBodies: Case<{ body: string | Buffer; type?: string; headers?: Record<string, string> }>[] = [
  ["invalid JSON", { body: '{"query": "{ allies { slug } "' }, /^Bad request: .*JSON/],
  [
    "a body of 1 MB",
    { body: JSON.stringify({ query: `{ allies { slug } } #${"x".repeat(1_000_000)}` }) },
    /^The request body is too large \(100 kB at most\)\.$/,
  ],
  [
    "a wrong charset",
    { body: '{"query":"{ allies { slug } }"}', type: "application/json; charset=latin1" },
    /^Bad request: unsupported charset "LATIN1"/,
  ],
  [
    "text/plain",
    { body: "{ allies { slug } }", type: "text/plain" },
    /POST body missing, invalid Content-Type, or JSON object has no keys/,
  ],
  [
    "form-encoded",
    { body: "query=%7B+allies+%7B+slug+%7D+%7D", type: "application/x-www-form-urlencoded" },
    /POST body missing, invalid Content-Type/,
  ],
  ["an empty body", { body: "" }, /POST body missing|Bad request/],
  ["JSON null", { body: "null" }, /POST body missing|Bad request/],
  ["a batch (array)", { body: '[{"query":"{ allies { slug } }"}]' }, /Operation batching disabled/],
  ["query is a number", { body: '{"query": 42}' }, /GraphQL queries must be strings/],
  [
    "variables is a string",
    { body: '{"query":"query($p: String!) { search(text: $p) { name } }","variables":"abc"}' },
    /variables.*must be an object|`variables` in a POST body should be provided as an object/,
  ],
  [
    "variables nested 5 000 deep",
    { body: `{"query":"query($x: AllyWhere) { allies(where: $x) { slug } }","variables":{"x":${deep(5000)}}}` },
    /^Variables nested deeper than 64 levels\.$/,
  ],
  [
    "a variable of the wrong type",
    { body: '{"query":"query($r: Float) { alliesNear(place: \\"Lille\\", radiusKm: $r) { distanceKm } }","variables":{"r":"far"}}' },
    /Variable "\$r" got invalid value "far"/,
  ],
  [
    "a missing required variable",
    { body: '{"query":"query($p: String!) { search(text: $p) { name } }"}' },
    /Variable "\$p" of required type "String!" was not provided/,
  ],
  ["an unknown operationName", { body: '{"query":"query A { allies { slug } }","operationName":"B"}' }, /^Unknown operation named "B"\.$/],
  [
    "two operations, no name",
    { body: '{"query":"query A { allies { slug } } query B { allies { slug } }"}' },
    /Must provide operation name if query contains multiple operations/,
  ],
  [
    "an unknown persisted query",
    { body: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}' },
    /PersistedQueryNotFound|persisted/i,
  ],
  [
    "a garbage bearer token",
    { body: '{"query":"{ allies { slug } }"}', headers: { authorization: "Bearer not.a.token" } },
    /^Authentication failed/,
  ],
  ["gzip that is not gzip", { body: Buffer.from("not gzip at all"), headers: { "content-encoding": "gzip" } }, /^Bad request/],
];
category("HTTP bodies", httpBodies, async ({ body, type, headers }, expected) => {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": type ?? "application/json", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const text = await response.text();
  noLeak(text);
  // 4xx, except Apollo's persisted-query protocol, which answers PERSISTED_QUERY_NOT_FOUND with a 200 by design.
  expect(response.status, text.slice(0, 300)).toBeGreaterThanOrEqual(/PERSISTED_QUERY_NOT_FOUND/.test(text) ? 200 : 400);
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body2 = JSON.parse(text) as { errors: { message: string }[] };
  expect(
    body2.errors.some((e) => expected.test(e.message)),
    text.slice(0, 300),
  ).toBe(true);
});

// ── URL paths: a short answer (page, 404 or 400), never a 500, a stack or the input echoed into HTML.
// A permalink gets the page, the same for every slug (the page says if the entity is unknown), or,
// when the explorer is not built yet (the integration tests may run before the browser tests build
// it), the short 503 that says so.
const page = /^200 <!doctype html>|^503 The explorer is not built: run npm run build\.$/i;
const urlPaths: Case<{ path: string; method?: string }>[] = [
  ["an unknown page", { path: "/nulle-part" }, /^404 Not found/],
  ["an unknown ally's permalink (the page says so)", { path: "/allies/nulle-part" }, page],
  ["a permalink with a script", { path: "/allies/%3Cscript%3Ealert(1)%3C%2Fscript%3E" }, page],
  ["a broken percent-encoding", { path: "/allies/%E0%A4%A" }, /^400 Bad request: the address is not valid percent-encoding\.$/],
  ["a NUL byte", { path: "/allies/%00" }, page],
  ["climbing out of the assets", { path: "/assets/..%2F..%2Fpackage.json" }, /^404 Not found/],
  ["climbing out of the root", { path: "/../../etc/passwd" }, /^404 Not found/],
  ["a 10 kB path", { path: `/${"a".repeat(10_000)}` }, /^404 Not found/],
  ["a GET query with a syntax error", { path: "/graphql?query=%7B" }, /^400 .*Syntax Error/],
  [
    "a GET mutation",
    { path: "/graphql?query=mutation%7B__typename%7D" },
    /^405 \{"errors":\[\{"message":"GET requests only support query operations, not mutation operations"/,
  ],
  ["PUT on /graphql", { path: "/graphql", method: "PUT" }, /^40[045]/],
  ["an unknown /auth route", { path: "/auth/nothing" }, /^404 Not found/],
  ["a GET of /auth/login", { path: "/auth/login" }, /^404 Not found/],
];
category("URL paths", urlPaths, async ({ path: urlPath, method }, expected) => {
  const response = await fetch(`${app.url}${urlPath}`, { method: method ?? "GET" });
  const text = await response.text();
  noLeak(text);
  expect(text).not.toContain("<script>alert(1)</script>");
  expect(`${response.status} ${text.slice(0, 400)}`).toMatch(expected);
});

// ── Login bodies: 400 for a malformed one, the same 401 for any wrong pair, never a 500.
const loginBodies: Case<{ body: string; type?: string }>[] = [
  ["not JSON", { body: "username=a&password=b", type: "application/x-www-form-urlencoded" }, /^400 .*Send JSON/],
  ["broken JSON", { body: '{"username": ' }, /^400 .*Bad request/],
  ["an empty object", { body: "{}" }, /^400 .*Send JSON/],
  ["a number as username", { body: '{"username": 42, "password": "x"}' }, /^400 .*Send JSON/],
  ["an array", { body: '["fuzz-editor", "x"]' }, /^400 .*Send JSON/],
  ["a password of 1 MB", { body: JSON.stringify({ username: "fuzz-editor", password: "x".repeat(1_000_000) }) }, /^413 .*too large/],
  ["a wrong password", { body: '{"username": "fuzz-editor", "password": "wrong"}' }, /^401 .*Wrong username or password/],
  ["an unknown user", { body: '{"username": "nobody", "password": "x"}' }, /^401 .*Wrong username or password/],
  [
    "a username with NUL and emoji",
    { body: JSON.stringify({ username: "a\u0000b🙂", password: "x" }) },
    /^401 .*Wrong username or password/,
  ],
  [
    "an injection attempt",
    { body: JSON.stringify({ username: "x' OR 1=1 //", password: "' OR ''='" }) },
    /^401 .*Wrong username or password/,
  ],
];
category("login bodies", loginBodies, async ({ body, type }, expected) => {
  const response = await fetch(`${app.url}/auth/login`, { method: "POST", headers: { "content-type": type ?? "application/json" }, body });
  const text = await response.text();
  noLeak(text);
  expect(`${response.status} ${text.slice(0, 300)}`).toMatch(expected);
  expect(response.headers.get("set-cookie")).toBeNull();
});

// ── Seed files: refused as a whole, each problem at its file and line, before anything is written.
const seedFiles: Case<string | Buffer | { name: string; content?: string | Buffer; size?: number }>[] = [
  ["a missing file", { name: "missing.yaml" }, /missing\.yaml: no such file/],
  ["a wrong extension", { name: "allies.txt", content: "allies: []\n" }, /allies\.txt: a seed file must end in \.yaml or \.yml/],
  ["a file of 9 MB", { name: "big.yaml", size: 9 * 2 ** 20 }, /big\.yaml: 9 MB is more than a seed file may be \(8 MB at most\)/],
  ["an empty file", { name: "empty.yaml", content: "" }, /empty\.yaml: the seed file is empty/],
  [
    "a binary file",
    { name: "binary.yaml", content: Buffer.from([0x61, 0x3a, 0x00, 0xff, 0xfe]) },
    /binary\.yaml: is a binary file, not a seed file/,
  ],
  [
    "Latin-1 bytes",
    { name: "latin1.yaml", content: Buffer.from("allies:\n  - slug: caf\xe9\n", "latin1") },
    /latin1\.yaml: is not UTF-8 text/,
  ],
  ["broken YAML", "allies:\n  - slug: x\n   name: [unclosed\n", /bad\.yaml:\d+: /],
  ["an unknown section", "planets:\n  - slug: mars\n", /bad\.yaml:1: .*planets/],
  ["an ally without a name", "source: alliance-design-notes\nallies:\n  - slug: sans-nom\n    kind: cooperative\n", /bad\.yaml:3: .*name/],
  [
    "an unknown kind of ally",
    "source: alliance-design-notes\nallies:\n  - slug: x\n    name: X\n    kind: spaceship\n",
    /bad\.yaml:\d+: .*kind/,
  ],
  [
    "a population that is text",
    "source: alliance-design-notes\nterritories:\n  - slug: nulle\n    name: Nulle\n    kind: commune\n    population: beaucoup\n",
    /bad\.yaml:\d+: .*population/,
  ],
  [
    "a relationship to an unknown slug",
    "source: alliance-design-notes\nrelationships:\n  - type: BASED_IN\n    from: ally/extracites\n    to: territory/nulle-part\n",
    /bad\.yaml:\d+: /,
  ],
  ["a billion-laughs alias bomb", aliasBomb(), /bad\.yaml:12: allies: must be a list/],
  [
    "a quote that is not in its source",
    'source: alliance-design-notes\nallies:\n  - slug: inventee\n    name: Inventée\n    kind: cooperative\n    quote: "Une phrase que la source ne contient pas."\n',
    /bad\.yaml:\d+: .*quote/i,
  ],
];
/** Ten levels of nine aliases each: 9¹⁰ items if expanded. The reader walks the document, never expanding it. */
function aliasBomb(): string {
  const letters = "abcdefghij";
  let text = 'source: alliance-design-notes\nx: &a ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 1; i < 10; i++)
    text += `x${i}: &${letters[i]} [${Array(9)
      .fill(`*${letters[i - 1]}`)
      .join(",")}]\n`;
  return `${text}allies: *j\n`;
}
category("seed files", seedFiles, async (input, expected) => {
  const spec = typeof input === "string" || Buffer.isBuffer(input) ? { name: "bad.yaml", content: input } : input;
  const file = path.join(dir, spec.name);
  if (spec.size) fs.writeFileSync(file, Buffer.alloc(spec.size, "a"));
  else if (spec.content !== undefined) fs.writeFileSync(file, spec.content);
  const error = await loadSeeds(database.driver, database.database, [...listSeedFiles(), file], testGazetteer(), false).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error instanceof SeedProblems || error instanceof InputFileError).toBe(true);
  const message =
    error instanceof SeedProblems ? error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n") : error!.message;
  expect(message).toMatch(expected);
});

// ── Spreadsheets: missing, damaged, inflated or half files said in one line; bad rows at their row.
const sheets: Case<() => string[]>[] = [
  ["a missing workbook", () => [path.join(dir, "missing.xlsx")], /missing\.xlsx: no such file/],
  ["text named .xlsx", () => [write("text.xlsx", "Label,Type\n")], /text\.xlsx: is not an \.xlsx workbook/],
  [
    "a zip bomb (300 kB that inflates to 120 MB)",
    () => [write("bomb.xlsx", zipFile([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(120 * 2 ** 20, "<c/>") }]))],
    /bomb\.xlsx: unzips to more than 100 MB/,
  ],
  [
    "a workbook without an Elements sheet",
    () => [write("empty-book.xlsx", zipFile([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }]))],
    /empty-book\.xlsx|Elements/,
  ],
  [
    "elements without connections",
    () => [
      write(
        "only-elements.csv",
        toCsv([
          ["Label", "Type"],
          ["Extracités", "Ally"],
        ]),
      ),
    ],
    /only-elements\.csv: no connections file beside the elements .*--no-connections/,
  ],
  [
    "a binary CSV",
    () => [write("binary-elements.csv", Buffer.from([0, 1, 2, 3])), write("binary-connections.csv", "From,To,Type\n")],
    /binary-elements\.csv: is a binary file/,
  ],
  [
    "a CSV of 21 MB",
    () => [write("huge-elements.csv", Buffer.alloc(21 * 2 ** 20, "a")), write("huge-connections.csv", "From,To,Type\n")],
    /huge-elements\.csv: 21 MB is more than a Kumu CSV file may be/,
  ],
  ["an .ods file", () => [write("alliance.ods", "x")], /alliance\.ods: a Kumu CSV file must end in \.csv/],
  [
    "a row of an unknown type",
    () => [
      write(
        "typo-elements.csv",
        toCsv([
          ["Label", "Type"],
          ["Planète", "Planet"],
        ]),
      ),
      write("typo-connections.csv", toCsv([["From", "To", "Type"]])),
    ],
    /typo-elements\.csv:2: /,
  ],
];
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
category("spreadsheets", sheets, async (make, expected) => {
  const paths = make();
  const error = await readKumuFile(paths)
    .then((sheets) => importKumu(database.driver, database.database, sheets, testGazetteer(), { write: true }))
    .then(
      () => undefined,
      (e: Error) => e,
    );
  expect(error).toBeInstanceOf(Error);
  const message =
    error instanceof SeedProblems ? error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n") : error!.message;
  expect(message).toMatch(expected);
});

// ── Fiches: the extractor refuses what is not a fiche's text, and copies nothing.
const ficheRules = { what: "fiche", extensions: [".txt", ".md"], maxBytes: inputLimits.ficheBytes, text: true };
const fiches: Case<() => string>[] = [
  ["a missing fiche", () => path.join(dir, "missing.txt"), /missing\.txt: no such file/],
  ["an empty fiche", () => write("empty.txt", ""), /empty\.txt: the fiche is empty/],
  ["only blank lines", () => write("blank.txt", "\n\n   \n"), /blank\.txt: the fiche is empty/],
  ["a binary file", () => write("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), /image\.txt: is a binary file, not a fiche/],
  ["Latin-1 text", () => write("latin1.txt", Buffer.from("Vimy, la commune o\xf9 l'on", "latin1")), /latin1\.txt: is not UTF-8 text/],
  [
    "a fiche of 2 MB",
    () => write("huge.txt", Buffer.alloc(2 * 2 ** 20, "a")),
    /huge\.txt: 2 MB is more than a fiche may be \(1 MB at most\)/,
  ],
  // (read-pdf.ts reads a PDF's text layer; its refusals are under "imports through the page")
  ["a PDF to the text reader", () => write("fiche.pdf", "%PDF-1.4"), /fiche\.pdf: a fiche must end in \.txt or \.md/],
];
category("fiches", fiches, async (make, expected) => {
  expect(() => readTextInput(make(), ficheRules)).toThrow(expected);
});

// ── Imports through the page (POST /import/preview and /send): each file refused in one line, the server unharmed.
type Upload = { name?: string; data?: () => Buffer | Promise<Buffer>; body?: string; route?: "preview" | "send" };
const uploads: Case<Upload>[] = [
  [
    "a zip bomb named .xlsx (300 kB that inflates to 120 MB)",
    { name: "bomb.xlsx", data: () => zipFile([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(120 * 2 ** 20, "<c/>") }]) },
    /^refused bomb\.xlsx: unzips to more than 100 MB/,
  ],
  [
    "a binary renamed .csv",
    { name: "photo.csv", data: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) },
    /^refused photo\.csv: is a binary file/,
  ],
  [
    "a CSV of 200 000 rows",
    { name: "rows.csv", data: () => Buffer.from(`Nom;Commune\n${"Un allié;Lille\n".repeat(200_000)}`) },
    /^refused rows\.csv: has more than 50,000 rows, more than one import may hold: split it/,
  ],
  [
    "a password-protected XLSX",
    { name: "protected.xlsx", data: () => fs.readFileSync("tests/imports/refused/protected.xlsx") },
    /^refused protected\.xlsx: is protected by a password/,
  ],
  [
    "a password-protected ODS",
    { name: "protected.ods", data: () => fs.readFileSync("tests/imports/refused/protected.ods") },
    /^refused protected\.ods: is protected by a password/,
  ],
  [
    "a PDF with JavaScript",
    { name: "script.pdf", data: pdfWithScript },
    /^refused script\.pdf: holds JavaScript, which a fiche never needs/,
  ],
  [
    "a PDF of 500 pages",
    { name: "series.pdf", data: () => pdfOfPages(500) },
    /^refused series\.pdf: has 500 pages; a fiche has a few \(60 at most\)/,
  ],
  ["a scanned PDF", { name: "scan.pdf", data: scannedPdf }, /^refused scan\.pdf: holds no text .*a scan\?.*OCR/],
  [
    "a password-protected PDF",
    { name: "protected.pdf", data: () => fs.readFileSync("tests/fiches/pdf/refused/protected.pdf") },
    /^refused protected\.pdf: is protected by a password/,
  ],
  [
    "a workbook cut short",
    { name: "cut.xlsx", data: () => fs.readFileSync("tests/imports/membres.xlsx").subarray(0, 10_000) },
    /^refused cut\.xlsx: is not a readable spreadsheet/,
  ],
  ["an empty file", { name: "empty.csv", data: () => Buffer.alloc(0) }, /^refused empty\.csv: .*empty/],
  [
    "a file of 30 MB",
    { name: "huge.csv", data: () => Buffer.alloc(30 * 2 ** 20, "a") },
    /^413 The file is too large: a spreadsheet may be 20 MB, a PDF fiche 20 MB at most\.$/,
  ],
  ["broken JSON", { body: '{"file": {"name": "a.csv", "data": ' }, /^400 Bad request: Unexpected end of JSON input/],
  ["no file", { body: "{}" }, /^400 file: /],
  [
    "a send without a mode",
    { name: "a.csv", data: () => Buffer.from("Nom;Commune\nUn allié;Lille\n"), route: "send" },
    /^400 mode: "propose" or "apply"/,
  ],
];
/** The answer in one line: "refused <message>" for a file refused in the stream, else "<status> <message>". */
async function importAnswer({ name, data, body, route }: Upload): Promise<string> {
  const { token } = await login(app.url, "fuzz-editor");
  const response = await fetch(`${app.url}/import/${route ?? "preview"}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body ?? JSON.stringify({ file: { name, data: (await data!()).toString("base64") } }),
  });
  const text = await response.text();
  noLeak(text);
  if (response.headers.get("content-type")?.startsWith("application/x-ndjson")) {
    const last = JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; reason?: string; message?: string };
    return last.type === "error" ? `${last.reason} ${last.message}` : `${response.status} ${last.type}`;
  }
  const json = (() => {
    try {
      return JSON.parse(text) as { errors?: { message: string }[] };
    } catch {
      return undefined;
    }
  })();
  return `${response.status} ${json?.errors?.[0]?.message ?? text.slice(0, 200)}`;
}
category("imports through the page", uploads, async (upload, expected) => {
  expect(await importAnswer(upload)).toMatch(expected);
  expect((await fetch(`${app.url}/health`)).status).toBe(200); // the server unharmed
});

describe("imports through the page, formulas", () => {
  it("keeps a formula as its text, never computed, and says so at its cell", async () => {
    const { token } = await login(app.url, "fuzz-editor");
    const csv = 'Nom;Commune;Site web\n"=HYPERLINK(""https://exemple.invalid"";""clic"")";Lille;\n"=1+1";Arras;=cmd|\' /C calc\'!A0\n';
    const response = await fetch(`${app.url}/import/preview`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ file: { name: "formulas.csv", data: Buffer.from(csv).toString("base64") } }),
    });
    const preview = JSON.parse((await response.text()).trim().split("\n").at(-1)!).preview;
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0].cells[0]).toBe('=HYPERLINK("https://exemple.invalid";"clic")');
    expect(preview.rows[1].cells[0]).toBe("=1+1");
    for (const row of preview.rows)
      expect(row.notes.concat(row.problems).some((n: { reason: string }) => n.reason === "formula")).toBe(true);
    await nothingWritten();
  });
});

describe("the corpus", () => {
  it("counts at least 60 inputs, by category", () => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `fuzz corpus: ${total} inputs — ${Object.entries(counts)
        .map(([name, n]) => `${name} ${n}`)
        .join(", ")}`,
    );
    expect(Object.keys(counts)).toHaveLength(8);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(7);
    expect(total).toBeGreaterThanOrEqual(60);
  });

  it("npm run extract refuses a file that is no fiche in one line, exits 1 and copies nothing into seeds/sources", async () => {
    const sources = fs.readdirSync("seeds/sources");
    for (const [file, message] of [
      [write("notes.txt", "Liste de courses : pain, lait."), /^extract: .*notes\.txt: no fact found .*Nothing was written\.$/],
      [
        write("binary.txt", Buffer.from([0, 159, 146, 150])),
        /^extract: .*binary\.txt: is a binary file, not a fiche .*; nothing was written\.$/,
      ],
      [path.join(dir, "absent.txt"), /^extract: .*absent\.txt: no such file; nothing was written\.$/],
    ] as const) {
      const result = await run(process.execPath, ["--import", "tsx", "seeds/extract/extract-cli.ts", file]).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync("seeds/sources")).toEqual(sources);
  });
});
