import http from "node:http";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../core/neo4j/open-database.ts";
import { createTestAccounts, deleteTestAccounts, graphqlAs, login } from "../helpers/accounts.ts";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { openTestDatabase, resetToSeeds, testConfig, testSecret } from "../helpers/test-database.ts";

let database: Database;
let app: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  await resetToSeeds(database);
  await deleteTestAccounts(database);
  await createTestAccounts(database, { editor: "edith", viewer: "vera" });
  app = await startTestApp(database, { LOGIN_LIMIT_PER_ACCOUNT: "3" });
});
afterAll(async () => {
  await app.close();
  await deleteTestAccounts(database);
  await database.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("POST /auth/login", () => {
  it("answers a token, the role, its expiry and an httpOnly SameSite=Strict cookie for the right password", async () => {
    const response = await post(`${app.url}/auth/login`, { username: "edith", password: "edith-password" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; role: string; expiresAt: string };
    expect(body.role).toBe("editor");
    expect(body.token.split(".")).toHaveLength(3);
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^alliance_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it("answers the same 401 for a wrong password and for an unknown user", async () => {
    const wrong = await post(`${app.url}/auth/login`, { username: "vera", password: "not her password" });
    const unknown = await post(`${app.url}/auth/login`, { username: "nobody", password: "whatever it is" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("limits attempts per account: after 3 failures even the right password waits, with Retry-After", async () => {
    await createTestAccounts(database, { contributor: "carl" });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await post(`${app.url}/auth/login`, { username: "carl", password: "guess " + attempt })).status).toBe(401);
    const blocked = await post(`${app.url}/auth/login`, { username: "carl", password: "carl-password" });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other accounts are not blocked by it.
    expect((await post(`${app.url}/auth/login`, { username: "vera", password: "vera-password" })).status).toBe(200);
  });

  it("limits attempts per address", async () => {
    const strict = await startTestApp(database, { LOGIN_LIMIT_PER_ADDRESS: "2" });
    try {
      const statuses = [];
      for (const username of ["a1", "a2", "a3"])
        statuses.push((await post(`${strict.url}/auth/login`, { username, password: "x".repeat(12) })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe("tokens", () => {
  it("refuses an expired token with 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: "editor" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("edith")
      .setIssuer("alliance-graph")
      .setAudience("alliance-graph")
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(testSecret));
    const answer = await graphqlAs(app.url, expired, "{ me { username } }");
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.message).toMatch(/expired/);
  });

  it("ends a session at logout: the cookie is cleared and its token refused", async () => {
    const { token, cookie } = await login(app.url, "vera");
    const me = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ me { username } }")}`, { headers: { cookie } });
    expect(((await me.json()) as any).data.me.username).toBe("vera");
    await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens carry whole seconds
    const out = await post(`${app.url}/auth/logout`, {}, { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/alliance_session=;/);
    expect((await graphqlAs(app.url, token, "{ me { username } }")).status).toBe(401);
  });

  it("refuses a session cookie on a cross-site or form post (CSRF)", async () => {
    const { cookie } = await login(app.url, "edith");
    const fromElsewhere = await post(`${app.url}/graphql`, { query: "{ me { username } }" }, { cookie, origin: "https://evil.example" });
    expect(fromElsewhere.status).toBe(401);
    const form = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "query=mutation%20%7B%20rejectChange(id%3A%22x%22%2C%20comment%3A%22x%22)%20%7B%20id%20%7D%20%7D",
    });
    expect(form.status).toBe(401);
    const sameSite = await post(`${app.url}/graphql`, { query: "{ me { username } }" }, { cookie, origin: app.url });
    expect(((await sameSite.json()) as any).data.me.username).toBe("edith");
  });

  it("accepts an organisation's single sign-on token, checked against its JWKS, issuer and audience", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
    const jwks = http.createServer((_request, response) =>
      response.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    const sso = await startTestApp(database, {
      AUTH_JWKS_URL: jwksUrl,
      AUTH_ISSUER: "https://sso.example.org",
      AUTH_AUDIENCE: "alliance",
      AUTH_ROLES_CLAIM: "realm_access.roles",
    });
    const sign = (claims: Record<string, unknown>, issuer = "https://sso.example.org") =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .setIssuer(issuer)
        .setAudience("alliance")
        .setSubject("a1b2")
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey);
    try {
      const token = await sign({ preferred_username: "sophie", realm_access: { roles: ["offline_access", "editor"] } });
      expect((await graphqlAs(sso.url, token, "{ me { username role } }")).data.me).toEqual({ username: "sophie", role: "editor" });
      const otherIssuer = await sign({ preferred_username: "sophie", realm_access: { roles: ["editor"] } }, "https://elsewhere.example");
      expect((await graphqlAs(sso.url, otherIssuer, "{ me { username } }")).status).toBe(401);
      const noRole = await sign({ preferred_username: "sophie", realm_access: { roles: ["offline_access"] } });
      expect((await graphqlAs(sso.url, noRole, "{ me { username } }")).status).toBe(401);
    } finally {
      await sso.close();
      jwks.close();
    }
  });
});

describe("visitors' suggestions", () => {
  it("are limited per address (RATE_LIMITED, with the seconds to wait)", async () => {
    const limited = await startTestApp(database, { SUGGESTIONS_PER_HOUR: "1" });
    const suggest = (description: string) =>
      graphqlAs(limited.url, undefined, "mutation ($change: ChangeInput!) { proposeChange(change: $change) { status kind } }", {
        change: {
          operations: [{ op: "UPDATE_ENTITY", entity: { kind: "ally", slug: "extracites" }, version: 0, properties: { description } }],
          source: { statement: { by: "Un visiteur", on: "2026-11-30" }, quote: description },
        },
      });
    try {
      expect((await suggest("Première suggestion")).data.proposeChange).toEqual({ status: "pending", kind: "suggestion" });
      const second = await suggest("Seconde suggestion");
      expect(second.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", reason: "rate-limited" });
      expect(second.errors?.[0]?.extensions?.params?.retryAfterSeconds).toBeGreaterThan(3000);
    } finally {
      await limited.close();
      await database.driver.executeQuery("MATCH (c:Change) DETACH DELETE c", {}, { database: database.database });
    }
  });
});

describe("a private deployment (PUBLIC_READ=false)", () => {
  it("shows anonymous visitors nothing but the login, and readers what they may read", async () => {
    const closed = await startTestApp(database, { PUBLIC_READ: "false" });
    try {
      const anonymous = await graphqlAs(closed.url, undefined, "{ allies { slug } }");
      expect(anonymous.status).toBe(401);
      expect(anonymous.data).toBeUndefined();
      const session = await (await fetch(`${closed.url}/auth/session`)).json();
      expect(session).toEqual({ username: null, role: null, publicRead: false });
      const { token } = await login(closed.url, "vera");
      const allies = await graphqlAs(closed.url, token, "{ allies { slug } }");
      expect(allies.data.allies.length).toBeGreaterThan(0);
    } finally {
      await closed.close();
    }
  });
});

describe("npm run user", () => {
  const run = promisify(execFile);
  const user = (args: string[], password?: string) => {
    const child = run("npx", ["tsx", "server/auth/user-cli.ts", ...args], {
      env: { ...process.env, NEO4J_URI: testConfig().neo4j.uri, LOG_LEVEL: "error" },
    });
    if (password !== undefined) {
      child.child.stdin!.write(password + "\n");
      child.child.stdin!.end();
    } else child.child.stdin!.end();
    return child;
  };

  it("adds an account from a piped password, lists it, changes its role, disables it", async () => {
    expect((await user(["add", "paul", "--role", "contributor"], "paul-password-1")).stdout).toMatch(/Created paul \(contributor\)/);
    expect((await login(app.url, "paul", "paul-password-1")).role).toBe("contributor");
    const listed = (await user(["list"])).stdout;
    expect(listed).toMatch(/^paul\tcontributor/m);
    expect(listed).not.toMatch(/argon2/);
    await user(["role", "paul", "editor"]);
    expect((await login(app.url, "paul", "paul-password-1")).role).toBe("editor");
    await user(["disable", "paul"]);
    expect((await post(`${app.url}/auth/login`, { username: "paul", password: "paul-password-1" })).status).toBe(401);
    await expect(user(["add", "short", "--role", "viewer"], "short")).rejects.toMatchObject({ code: 2 });
    await expect(user(["add", "bad", "--role", "king"], "long enough password")).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
