import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haversineKm } from "../../core/gazetteer/join-coordinates.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testGazetteer } from "../helpers/test-database.ts";

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  app = await startTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const near = `query ($place: String!, $radiusKm: Float) {
  alliesNear(place: $place, radiusKm: $radiusKm) { ally { slug name } distanceKm via { slug name } reason season approximate }
}`;

/** The truth, computed here from the gazetteer and the seed data, not from Neo4j. */
function kmFromLille(slug: string): number {
  const lille = testGazetteer().resolve("Lille");
  const place = testGazetteer().resolve(slug === "vimy" ? "Vimy" : "Lille");
  return haversineKm(lille.lat!, lille.lon!, place.lat!, place.lon!);
}

describe("alliesNear", () => {
  it("within 30 km of Lille: exactly the allies based in Lille, nearest first, via Lille", async () => {
    const { data, errors } = await app.graphql(near, { place: "Lille", radiusKm: 30 });
    expect(errors).toBeUndefined();
    expect(data.alliesNear.map((hit: any) => hit.ally.slug).sort()).toEqual(["bien-fait-pour-ta-com", "extracites"]);
    for (const hit of data.alliesNear) {
      expect(hit).toMatchObject({ via: { slug: "lille", name: "Lille" }, reason: "BASED_IN", approximate: false });
      expect(Math.abs(hit.distanceKm - kmFromLille("lille"))).toBeLessThan(1);
    }
  });

  it("a larger radius adds those active in Vimy, via Vimy, with the true distance, nearest first", async () => {
    const { data } = await app.graphql(near, { place: "lille", radiusKm: 50 });
    const slugs = data.alliesNear.map((hit: any) => hit.ally.slug);
    expect(slugs.slice(2)).toEqual(["la-fabrique-des-transitions"]);
    const fabrique = data.alliesNear[2];
    expect(fabrique).toMatchObject({ via: { slug: "vimy" }, reason: "ACCOMPANIED", season: 2 });
    expect(kmFromLille("vimy")).toBeGreaterThan(30);
    expect(Math.abs(fabrique.distanceKm - kmFromLille("vimy"))).toBeLessThan(1);
    const distances = data.alliesNear.map((hit: any) => hit.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("from Vimy, Extracités is near through its work there, not through Lille", async () => {
    const { data } = await app.graphql(near, { place: "Vimy", radiusKm: 10 });
    expect(data.alliesNear.map((hit: any) => [hit.ally.slug, hit.via.slug, hit.reason, hit.distanceKm])).toEqual(
      expect.arrayContaining([["extracites", "vimy", "ACCOMPANIED", 0]]),
    );
    expect(data.alliesNear).toHaveLength(3);
  });

  it("names an ambiguous place's candidates, an unknown place's closest names, as BAD_USER_INPUT", async () => {
    const ambiguous = await app.graphql(near, { place: "Saint-Denis" });
    expect(ambiguous.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "place", reason: "ambiguous" });
    expect(ambiguous.errors![0].extensions.candidates.map((c: any) => c.departement).sort()).toEqual(["11", "30", "93", "974"]);
    const picked = await app.graphql(near, { place: "Saint-Denis (93)", radiusKm: 10 });
    expect(picked.errors).toBeUndefined();
    expect(picked.data.alliesNear).toEqual([]);
    const unknown = await app.graphql(near, { place: "Lile" });
    expect(unknown.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknown" });
    expect(unknown.errors![0].message).toMatch(/Did you mean Lille \(59, Nord\)/);
    const radius = await app.graphql(near, { place: "Lille", radiusKm: -3 });
    expect(radius.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "radiusKm" });
  });
});

describe("search", () => {
  const search = `query ($text: String!) { search(text: $text) { kind slug name score } }`;
  it.each(["extracites", "EXTRACITÉS", "extraci", "ExtraCité", "extracitez"])("finds Extracités first for %s", async (text) => {
    const { data } = await app.graphql(search, { text });
    expect(data.search[0]).toMatchObject({ kind: "ally", slug: "extracites", name: "Extracités" });
  });

  it("searches every kind: territories by alias, initiatives by title, people", async () => {
    const hits = async (text: string) => (await app.graphql(search, { text })).data.search.map((h: any) => `${h.kind}:${h.slug}`);
    expect(await hits("agglomeration du beauvaisis")).toContain("territory:ca-du-beauvaisis");
    expect((await hits("vertiges"))[0]).toBe("initiative:vertiges-de-labour");
    expect((await hits("lacouture"))[0]).toBe("person:xavier-lacouture");
    expect(await hits("zzzz")).toEqual([]);
  });
});

describe("neighbourhood, paths and collaborators", () => {
  it("the neighbourhood of Vimy holds its allies, initiatives, département and cohorts, as Cytoscape elements", async () => {
    const { data } = await app.graphql(
      `{ neighbourhood(kind: territory, slug: "vimy") { nodes { group data } edges { group data } truncated } }`,
    );
    const ids = data.neighbourhood.nodes.map((n: any) => n.data.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "territory:vimy",
        "ally:extracites",
        "ally:bien-fait-pour-ta-com",
        "ally:la-fabrique-des-transitions",
        "initiative:vertiges-de-labour",
        "initiative:valorisation-transition-vimy",
        "territory:pas-de-calais",
        "cohort:territoires-pilotes-saison-1",
        "cohort:territoires-pilotes-saison-2",
      ]),
    );
    for (const node of data.neighbourhood.nodes) {
      expect(node.group).toBe("nodes");
      expect(node.data).toEqual(
        expect.objectContaining({ id: expect.any(String), kind: expect.any(String), slug: expect.any(String), label: expect.any(String) }),
      );
    }
    // The data's shape, from the seeds (allies.yaml, the Vimy fiche) and the public places (Lille ~50.63 N, 3.06 E).
    const extracites = data.neighbourhood.nodes.find((n: any) => n.data.id === "ally:extracites").data;
    expect(extracites).toMatchObject({
      kind: "ally",
      subkind: "cooperative",
      slug: "extracites",
      name: "Extracités",
      label: "Extracités",
      aliases: ["ExtraCité"],
      legalForm: "SCOP",
    });
    expect(Math.abs(extracites.latitude - 50.63)).toBeLessThan(0.05);
    expect(Math.abs(extracites.longitude - 3.06)).toBeLessThan(0.05);
    expect(extracites).not.toHaveProperty("location"); // the point is latitude and longitude
    const initiative = data.neighbourhood.nodes.find((n: any) => n.data.id === "initiative:vertiges-de-labour").data;
    expect(initiative).toMatchObject({ kind: "initiative", subkind: "show", title: "Vertiges de Labour", label: "Vertiges de Labour" });
    expect(initiative).toMatchObject({ latitude: null, longitude: null }); // an initiative has no point of its own
    const accompanied = data.neighbourhood.edges.find((e: any) => e.data.type === "ACCOMPANIED" && e.data.source === "ally:extracites");
    expect(accompanied.group).toBe("edges");
    expect(accompanied.data).toMatchObject({
      id: "ACCOMPANIED|ally:extracites|territory:vimy|1",
      target: "territory:vimy",
      season: 1,
      startYear: 2021,
      endYear: 2022,
      role: "entretiens et atelier de co-production",
      sourceDocument: "territoires-pilotes-saison-2-vimy",
    });
    expect(data.neighbourhood.edges.every((e: any) => ids.includes(e.data.source) && ids.includes(e.data.target))).toBe(true);
    expect(data.neighbourhood.edges.some((e: any) => e.data.type === "SOURCED_FROM")).toBe(false);
  });

  it("depth 2 reaches further, and the limit says when it cut", async () => {
    const depth1 = await app.graphql(`{ neighbourhood(kind: territory, slug: "vimy", depth: 1) { nodes { data } } }`);
    const depth2 = await app.graphql(`{ neighbourhood(kind: territory, slug: "vimy", depth: 2) { nodes { data } } }`);
    expect(depth2.data.neighbourhood.nodes.length).toBeGreaterThan(depth1.data.neighbourhood.nodes.length);
    const cut = await app.graphql(`{ neighbourhood(kind: territory, slug: "vimy", depth: 2, limit: 5) { nodes { data } truncated } }`);
    expect(cut.data.neighbourhood.truncated).toBe(true);
    const bad = await app.graphql(`{ neighbourhood(kind: territory, slug: "vimy", depth: 4) { truncated } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "depth" });
    const missing = await app.graphql(`{ neighbourhood(kind: ally, slug: "nobody") { truncated } }`);
    expect(missing.errors![0].message).toBe('No ally has the slug "nobody"');
  });

  it("the collaborators of Bien fait pour ta com include La Fabrique des transitions and Extracités, each with its reason", async () => {
    const { data } = await app.graphql(
      `{ collaborators(slug: "bien-fait-pour-ta-com") { collaborator { slug } reasons { reason via { slug } relationship seasons description } } }`,
    );
    const bySlug = Object.fromEntries(data.collaborators.map((c: any) => [c.collaborator.slug, c.reasons]));
    expect(bySlug["la-fabrique-des-transitions"]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: "SHARED_TERRITORY", via: { slug: "vimy" }, seasons: [2] }),
        expect.objectContaining({ reason: "SHARED_INITIATIVE", via: { slug: "valorisation-transition-vimy" } }),
      ]),
    );
    expect(bySlug.extracites).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: "DIRECT_TIE", relationship: "PARTNERED_WITH", description: "lien direct : partenariat" }),
        expect.objectContaining({
          reason: "SHARED_TERRITORY",
          via: { slug: "vimy" },
          seasons: [1, 2],
          description: "ont tous deux accompagné Vimy (saisons 1 et 2)",
        }),
      ]),
    );
  });

  it("paths: how ADEME is connected to Xavier Lacouture", async () => {
    const { data } = await app.graphql(
      `{ paths(fromKind: ally, fromSlug: "ademe", toKind: person, toSlug: "xavier-lacouture") { nodes { data } edges { data } } }`,
    );
    const ids = data.paths.nodes.map((n: any) => n.data.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "ally:ademe",
        "ally:la-fabrique-des-transitions",
        "territory:vimy",
        "initiative:vertiges-de-labour",
        "person:xavier-lacouture",
      ]),
    );
    expect(data.paths.edges).toHaveLength(4);
  });
});

describe("the generated API", () => {
  it("filters with @neo4j/graphql 7 operators and reads relationship properties", async () => {
    const { data, errors } = await app.graphql(`{
      territories(where: { slug: { eq: "vimy" } }) { name population areaKm2 inseeCode location { latitude longitude }
        accompaniedByConnection(sort: [{ edge: { season: ASC } }]) { edges { properties { season role quote } node { slug } } } }
      allies(where: { name: { eq: "Extracités" } }) { slug aliases basedIn { name } }
      initiatives(where: { slug: { eq: "vertiges-de-labour" } }) { title pageTitle contributors { ... on Person { name } ... on Territory { name } } }
      people(where: { slug: { eq: "xavier-lacouture" } }) { name contributedTo { title } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.territories[0]).toMatchObject({ name: "Vimy", population: 4261, areaKm2: 11.3, inseeCode: "62861" });
    expect(data.territories[0].accompaniedByConnection.edges.map((e: any) => [e.properties.season, e.node.slug])[0]).toEqual([
      1,
      "extracites",
    ]);
    expect(data.allies[0]).toEqual({ slug: "extracites", aliases: ["ExtraCité"], basedIn: [{ name: "Lille" }] });
    expect(data.initiatives[0].contributors).toEqual(expect.arrayContaining([{ name: "Xavier Lacouture" }, { name: "Loos-en-Gohelle" }]));
    expect(data.people[0].contributedTo).toEqual([{ title: "Vertiges de Labour" }]);
  });

  it("filters allies by distance with the point index", async () => {
    const { data } = await app.graphql(
      `{ allies(where: { location: { distance: { from: { latitude: 50.63, longitude: 3.06 }, lt: 5000 } } }) { slug } }`,
    );
    expect(data.allies.map((a: any) => a.slug).sort()).toEqual(["bien-fait-pour-ta-com", "extracites"]);
  });

  it("exposes none of the generated mutations: every write is a change (schema.graphql)", async () => {
    const { errors } = await app.graphql(
      `mutation { createAllies(input: [{ slug: "x", name: "X", kind: "network" }]) { allies { slug } } }`,
    );
    expect(errors![0].message).toMatch(/Cannot query field "createAllies" on type "Mutation"/);
    const { data } = await app.graphql(`{ __schema { mutationType { fields { name } } } }`);
    expect(data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      "acceptChange",
      "applyChange",
      "proposeChange",
      "rejectChange",
      "revertChange",
    ]);
  });

  it("refuses, before running it, a query past a limit: depth 20, 5 000 aliases, a costly one (QUERY_TOO_LARGE, naming the limit)", async () => {
    const nested = `{ territories { ${Array.from({ length: 10 }, () => "accompaniedBy { accompanied {").join(" ")} slug ${"} } ".repeat(10)} } }`;
    const aliases = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: search(text: "vimy") { slug }`).join(" ")} }`;
    const chain = "accompaniedBy { accompanied { ".repeat(4) + "name slug population areaKm2 inseeCode siren" + " } }".repeat(4);
    const costly = `{ ${Array.from({ length: 14 }, (_, i) => `t${i}: territories { ${chain} }`).join(" ")} }`; // depth 10, 14 aliases: within both, too costly
    const cases: [string, string][] = [
      [nested, "depth"],
      [aliases.slice(0, 60_000).replace(/ a\d+: search\(text: "vi?m?y?"?\)? ?\{? ?s?l?u?g? ?\}?$/, "") + " }", "tokens"], // 1 700 aliases: the parser stops at the token limit
      [`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: search(text: "vimy") { slug }`).join(" ")} }`, "aliases"],
      [costly, "cost"],
    ];
    // 5 000 aliases are 175 kB: refused before GraphQL sees them, in the same JSON shape.
    const huge = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: aliases }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      errors: [{ message: "The request body is too large (100 kB at most).", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });
    for (const [query, limit] of cases) {
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as {
        errors?: { message: string; extensions: { code: string; params: { limit: string } } }[];
        data?: unknown;
      };
      expect(body.data, limit).toBeUndefined();
      expect(response.status, limit).toBe(400);
      expect(body.errors?.length, limit).toBeGreaterThan(0);
      expect(
        body.errors!.map((e) => e.extensions.params?.limit),
        limit,
      ).toContain(limit);
      for (const error of body.errors!) {
        expect(error.extensions.code).toBe("QUERY_TOO_LARGE");
        expect(error.message).toMatch(/limit of \d+ exceeded/);
        expect(error.message).not.toMatch(/^Syntax Error/);
      }
    }
  });

  it("answers a malformed body with a short JSON error, never a page with the stack or paths", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ allies { slug } "',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(text).not.toMatch(/node_modules|\/work\/|at [A-Za-z]+ \(/);
  });

  it("sends security headers: a CSP allowing only what the page loads, frames only for /embed, nosniff, a referrer policy, no HSTS over HTTP", async () => {
    const page = await fetch(`${app.url}/allies/extracites`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp.split(";")).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'self'",
      ]),
    );
    expect((await fetch(`${app.url}/embed/allies/extracites`)).headers.get("content-security-policy")).toMatch(
      /(^|;)frame-ancestors \*(;|$)/,
    );
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const graphql = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(graphql.headers.get("x-content-type-options")).toBe("nosniff");
    const preflight = await fetch(`${app.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://example.org", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,POST");
  });

  it("answers GET queries too, and allows cross-origin reads", async () => {
    const response = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ people(where: { slug: { eq: "irwin-marchal" } }) { name } }')}`,
      { headers: { origin: "https://example.org" } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ data: { people: [{ name: "Irwin Marchal" }] } });
  });

  it("place and gazetteer report what the gazetteer knows", async () => {
    const { data } = await app.graphql(
      `{ place(name: "loos en gohelle") { name inseeCode departementName regionName intercommunalite approximate } gazetteer { communes withCoordinates medianCentroidErrorKm } }`,
    );
    expect(data.place).toEqual({
      name: "Loos-en-Gohelle",
      inseeCode: "62528",
      departementName: "Pas-de-Calais",
      regionName: "Hauts-de-France",
      intercommunalite: "CA de Lens - Liévin",
      approximate: false,
    });
    expect(data.gazetteer.communes).toBe(34969);
  });
});

describe("compression", () => {
  /** POST /graphql with exactly these headers (fetch would add its own Accept-Encoding), the raw body back. */
  const post = (query: string, headers: Record<string, string>) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({ query });
      const request = http.request(
        `${app.url}/graphql`,
        { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const large = `{ __schema { types { name description fields { name description } } } }`; // the whole schema: well over 16 kB
  const small = `{ search(text: "vimy") { slug } }`;

  it("compresses an answer over 16 kB when the client asks for gzip or brotli, and not otherwise", async () => {
    const gzipped = await post(large, { "accept-encoding": "gzip" });
    expect(gzipped.encoding).toBe("gzip");
    const text = zlib.gunzipSync(gzipped.body).toString();
    expect(text.length).toBeGreaterThan(16 * 1024);
    expect(JSON.parse(text).data.__schema.types.length).toBeGreaterThan(0);
    const brotli = await post(large, { "accept-encoding": "br" });
    expect(brotli.encoding).toBe("br");
    expect(JSON.parse(zlib.brotliDecompressSync(brotli.body).toString())).toEqual(JSON.parse(text));
    const plainAnswer = await post(large, {});
    expect(plainAnswer.encoding).toBeUndefined();
    expect(JSON.parse(plainAnswer.body.toString())).toEqual(JSON.parse(text));
  });

  it("sends a small answer as it is, even to a client that accepts gzip", async () => {
    const answer = await post(small, { "accept-encoding": "gzip, br" });
    expect(answer.encoding).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).data.search.map((hit: any) => hit.slug)).toContain("vimy");
  });
});

describe("rate limits, timeouts and request ids", () => {
  it("limits GraphQL requests per address (429, Retry-After, RATE_LIMITED) and counts each client apart behind a trusted proxy", async () => {
    const limited = await startTestApp(database, { RATE_LIMIT_GRAPHQL: "5", TRUST_PROXY: "loopback" });
    try {
      const ask = (address: string) =>
        fetch(`${limited.url}/graphql?query=${encodeURIComponent('{ search(text: "vimy") { name } }')}`, {
          headers: { "x-forwarded-for": address },
        });
      const first = await Promise.all(Array.from({ length: 5 }, () => ask("203.0.113.7")));
      expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(first[4]!.headers.get("ratelimit-remaining")).toBe("0");
      const sixth = await ask("203.0.113.7");
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(sixth.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      const body = (await sixth.json()) as {
        errors: { message: string; extensions: { code: string; params: { retryAfterSeconds: number } } }[];
      };
      expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
      expect(body.errors[0]!.message).toMatch(/^Too many GraphQL requests from this address \(5 a minute\); try again in \d+ s\.$/);
      // Another client behind the same proxy has its own count; /health is never limited.
      expect((await ask("198.51.100.9")).status).toBe(200);
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot escape its limit by inventing addresses", async () => {
    const limited = await startTestApp(database, { RATE_LIMIT_GRAPHQL: "2" });
    try {
      const statuses: number[] = [];
      for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        statuses.push((await fetch(`${limited.url}/graphql?query=%7B__typename%7D`, { headers: { "x-forwarded-for": address } })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it("limits /auth requests per address too", async () => {
    const limited = await startTestApp(database, { RATE_LIMIT_AUTH: "3" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited.url}/auth/session`)).status);
      expect(statuses.slice(0, 3)).not.toContain(429);
      expect(statuses[3]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("gives every answer an X-Request-Id, and an internal error carries it", async () => {
    const response = await fetch(`${app.url}/graphql?query=%7B__typename%7D`);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const other = await fetch(`${app.url}/graphql?query=%7B__typename%7D`);
    expect(other.headers.get("x-request-id")).not.toBe(response.headers.get("x-request-id"));
  });

  it("the database stops a query past QUERY_TIMEOUT_MS, and the API says QUERY_TIMEOUT (503)", async () => {
    const { readQuery } = await import("../../server/graphql/resolvers/services.ts");
    const { serviceError } = await import("../../server/http/service-errors.ts");
    const started = Date.now();
    const error = await readQuery(
      { driver: database.driver, database: database.database, gazetteer: testGazetteer(), queryTimeoutMs: 300 },
      "CALL apoc.util.sleep(5000) RETURN 1 AS one",
      {},
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(String((error as { code?: string }).code)).toMatch(/TransactionTimedOut/);
    expect(serviceError(error, 300)).toMatchObject({ extensions: { code: "QUERY_TIMEOUT", params: { ms: 300 } } });
  });

  it("cuts off a client that sends its headers too slowly (HTTP_HEADERS_TIMEOUT_MS)", async () => {
    const slow = await startTestApp(database, { HTTP_HEADERS_TIMEOUT_MS: "1000" });
    try {
      const net = await import("node:net");
      const { port } = new URL(slow.url);
      const socket = net.connect(Number(port), "127.0.0.1");
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
      const started = Date.now();
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk));
      await new Promise((resolve) => socket.on("close", resolve));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
  });
});

describe("alliesNear by theme and kind of ally", () => {
  const near = `query ($place: String!, $theme: String, $allyKind: String) {
    alliesNear(place: $place, radiusKm: 50, theme: $theme, allyKind: $allyKind) { ally { slug } }
  }`;
  const slugs = async (variables: Record<string, unknown>) =>
    ((await app.graphql(near, variables)).data?.alliesNear ?? []).map((n: { ally: { slug: string } }) => n.ally.slug).sort();

  it("near Lille, on alimentation: Extracités, which proposed Vimy's school catering project (the fiche), and no other", async () => {
    expect(await slugs({ place: "Lille" })).toEqual(["bien-fait-pour-ta-com", "extracites", "la-fabrique-des-transitions"]);
    expect(await slugs({ place: "Lille", theme: "alimentation" })).toEqual(["extracites"]);
    expect(await slugs({ place: "Lille", theme: "Alimentation" })).toEqual(["extracites"]); // by its name too
  });

  it("near Lille, the cooperatives: Extracités and Bien fait pour ta com (La Fabrique is a network)", async () => {
    expect(await slugs({ place: "Lille", allyKind: "cooperative" })).toEqual(["bien-fait-pour-ta-com", "extracites"]);
    expect(await slugs({ place: "Lille", allyKind: "network" })).toEqual(["la-fabrique-des-transitions"]);
  });

  it("names an unknown theme or kind of ally as BAD_USER_INPUT", async () => {
    const theme = await app.graphql(near, { place: "Lille", theme: "astronautique" });
    expect(theme.errors?.[0]).toMatchObject({ message: 'No theme has the slug "astronautique"', extensions: { argument: "theme" } });
    const kind = await app.graphql(near, { place: "Lille", allyKind: "spaceship" });
    expect(kind.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "allyKind", reason: "unknown-value" });
    expect(kind.errors?.[0]?.message).toMatch(/^allyKind "spaceship" is not one of cooperative, association, /);
  });
});
