import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { COMPILED_HEADER } from "../../server/http/compiled-reads.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds } from "../helpers/test-database.ts";

// The compiled path (server/http/compiled-reads.ts) must be invisible to clients: the same bytes,
// status and headers as Apollo's answer, the same limits, and Apollo's answer whenever it has errors.

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  app = await startTestApp(database, { RESPONSE_CACHE: "off" });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** POST /graphql with exactly these headers and this body (fetch would add headers of its own). */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const operation = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

// The page's reads (client/src/api), as it sends them: one text per operation, values in variables.
const pageReads: [string, string][] = [
  ["search", operation(`query ($text: String!) { search(text: $text, limit: 20) { kind slug name score } }`, { text: "vimy" })],
  [
    "alliesNear",
    operation(
      `query ($place: String!) { alliesNear(place: $place, radiusKm: 50) { ally { slug name } distanceKm via { slug name } reason } }`,
      {
        place: "Lille",
      },
    ),
  ],
  [
    "neighbourhood",
    operation(
      `query ($slug: String!) { neighbourhood(kind: territory, slug: $slug, depth: 2) { nodes { data } edges { data } truncated } }`,
      {
        slug: "vimy",
      },
    ),
  ],
  [
    "a generated filter",
    operation(`query ($slug: String!) { territories(where: { slug: { eq: $slug } }) { name population accompaniedBy { slug name } } }`, {
      slug: "vimy",
    }),
  ],
];

/** Headers whose values differ from one request to the next, or that only one path sends. */
const varying = new Set(["date", "x-request-id", "ratelimit-remaining", "etag", COMPILED_HEADER]);
const stable = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => !varying.has(name)));

describe("the compiled path", () => {
  it.each(pageReads)("answers %s with the same bytes, status and headers as Apollo, from its second request on", async (_name, body) => {
    const first = await post(app.url, body);
    const second = await post(app.url, body);
    expect(first.status).toBe(200);
    expect(first.headers[COMPILED_HEADER]).toBeUndefined(); // the first one teaches it
    expect(second.headers[COMPILED_HEADER]).toBe("yes");
    const data = JSON.parse(first.body.toString()).data;
    expect(Object.values(data)[0]).not.toEqual([]); // an empty answer would prove little
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  });

  it("compresses a large answer when asked, as Express does", async () => {
    const body = operation(`{ __schema { types { name description fields { name description } } } }`);
    const first = await post(app.url, body, { "accept-encoding": "gzip" });
    const second = await post(app.url, body, { "accept-encoding": "gzip" });
    expect(second.headers[COMPILED_HEADER]).toBe("yes");
    expect([first.headers["content-encoding"], second.headers["content-encoding"]]).toEqual(["gzip", "gzip"]);
    expect(second.headers.vary).toBe(first.headers.vary);
    expect(zlib.gunzipSync(second.body).toString()).toBe(zlib.gunzipSync(first.body).toString());
  });

  it("hands an answer with errors to Apollo: its message, code and status, not the compiled path's", async () => {
    const near = `query ($place: String!) { alliesNear(place: $place, radiusKm: 10) { ally { slug } } }`;
    await post(app.url, operation(near, { place: "Vimy" })); // known from now on
    const known = await post(app.url, operation(near, { place: "Vimy" }));
    expect(known.headers[COMPILED_HEADER]).toBe("yes");
    const unknown = await post(app.url, operation(near, { place: "Lile" }));
    expect(unknown.status).toBe(200);
    expect(unknown.headers[COMPILED_HEADER]).toBeUndefined();
    const { errors } = JSON.parse(unknown.body.toString());
    expect(errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "place", reason: "unknown" });
    expect(errors[0].message).toMatch(/Did you mean Lille \(59, Nord\)/);
    expect(errors[0].path).toEqual(["alliesNear"]);
    // A variable of the wrong type: graphql's own coercion error, as Apollo words it (400).
    const wrongType = await post(app.url, operation(near, { place: 59 }));
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body.toString()).errors[0]).toMatchObject({
      message: expect.stringMatching(/^Variable "\$place" got invalid value 59; String cannot represent a non string value: 59$/),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("takes only the requests Apollo would answer in application/json: another Accept gets Apollo's type or its 406", async () => {
    const body = pageReads[0]![1];
    await post(app.url, body);
    const browser = await post(app.url, body, { accept: "application/json, text/plain, */*" });
    expect([browser.headers[COMPILED_HEADER], browser.headers["content-type"]]).toEqual(["yes", "application/json; charset=utf-8"]);
    const spec = await post(app.url, body, { accept: "application/graphql-response+json" });
    expect([spec.status, spec.headers[COMPILED_HEADER], spec.headers["content-type"]]).toEqual([
      200,
      undefined,
      "application/graphql-response+json; charset=utf-8",
    ]);
    const html = await post(app.url, body, { accept: "text/html" });
    expect([html.status, html.headers[COMPILED_HEADER]]).toEqual([406, undefined]);
  });

  it("never serves a logged-in viewer: a token or a session cookie goes through authentication", async () => {
    const body = pageReads[0]![1];
    await post(app.url, body);
    expect((await post(app.url, body)).headers[COMPILED_HEADER]).toBe("yes");
    const bearer = await post(app.url, body, { authorization: "Bearer not-a-token" });
    expect(bearer.status).toBe(401);
    expect(JSON.parse(bearer.body.toString()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const cookie = await post(app.url, body, { cookie: "alliance_session=not-a-token" });
    expect(cookie.status).toBe(401);
    // Another cookie is no session: still anonymous, still compiled.
    expect((await post(app.url, body, { cookie: "theme=dark" })).headers[COMPILED_HEADER]).toBe("yes");
  });

  it("reads a body it cannot parse as Express does: malformed JSON 400, too large 413", async () => {
    const body = pageReads[0]![1];
    await post(app.url, body);
    const malformed = await post(app.url, `${body.slice(0, -1)},`);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body.toString()).errors[0]).toMatchObject({
      message: expect.stringMatching(/^Bad request: /),
      extensions: { code: "BAD_REQUEST" },
    });
    const large = await post(app.url, JSON.stringify({ query: JSON.parse(body).query, variables: { text: "x".repeat(200_000) } }));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body.toString()).errors[0]).toEqual({
      message: "The request body is too large (100 kB at most).",
      extensions: { code: "PAYLOAD_TOO_LARGE" },
    });
  });

  it("counts compiled reads against the address's rate limit (the same count as Express's)", async () => {
    const limited = await startTestApp(database, { RATE_LIMIT_GRAPHQL: "3", RESPONSE_CACHE: "off" });
    try {
      const body = pageReads[0]![1];
      const answers: Answer[] = [];
      for (let i = 0; i < 4; i++) answers.push(await post(limited.url, body));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((answer) => answer.headers["ratelimit-remaining"])).toEqual(["2", "1", "0", "0"]);
      expect(answers[1]!.headers[COMPILED_HEADER]).toBe("yes");
      expect(Number(answers[3]!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(answers[3]!.body.toString()).errors[0]).toMatchObject({
        message: "Too many GraphQL requests from this address (3 a minute); try again in " + answers[3]!.headers["retry-after"] + " s.",
        extensions: { code: "RATE_LIMITED" },
      });
    } finally {
      await limited.close();
    }
  });

  it("with the response cache: a miss through Apollo, then hits through the compiled path, the same bytes", async () => {
    const cached = await startTestApp(database, { RESPONSE_CACHE: "on" });
    try {
      const body = pageReads[2]![1];
      const first = await post(cached.url, body);
      const second = await post(cached.url, body);
      expect([first.headers["x-response-cache"], first.headers[COMPILED_HEADER]]).toEqual(["miss", undefined]);
      expect([second.headers["x-response-cache"], second.headers[COMPILED_HEADER]]).toEqual(["hit", "yes"]);
      expect(second.body.toString()).toBe(first.body.toString());
      // Another value of the same operation: a miss, answered and kept by the compiled path itself.
      const other = operation(JSON.parse(body).query, { slug: "lille" });
      const [miss, hit] = [await post(cached.url, other), await post(cached.url, other)];
      expect([miss.headers["x-response-cache"], miss.headers[COMPILED_HEADER]]).toEqual(["miss", "yes"]);
      expect([hit.headers["x-response-cache"], hit.headers[COMPILED_HEADER]]).toEqual(["hit", "yes"]);
      expect(hit.body.toString()).toBe(miss.body.toString());
      expect(JSON.parse(miss.body.toString()).data.neighbourhood.nodes.length).toBeGreaterThan(0);
    } finally {
      await cached.close();
    }
  });
});
