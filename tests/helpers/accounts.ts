import type { Database } from "../../core/neo4j/open-database.ts";
import type { Role } from "../../core/roles.ts";
import { AccountStore } from "../../server/auth/account-store.ts";
import { hashPassword } from "../../server/auth/passwords.ts";

/** Test accounts, one per role, each with the password `<username>-password`. */
export async function createTestAccounts(database: Database, names: Partial<Record<Role, string>>): Promise<void> {
  const store = new AccountStore(database.driver, database.database);
  for (const [role, username] of Object.entries(names)) {
    if (!(await store.find(username!))) await store.create(username!, await hashPassword(`${username}-password`), role as Role);
  }
}

export async function deleteTestAccounts(database: Database): Promise<void> {
  await database.driver.executeQuery("MATCH (a:Account) DELETE a", {}, { database: database.database });
}

/** Logs in over HTTP: the token, and the session cookie as the page would hold it. */
export async function login(
  url: string,
  username: string,
  password = `${username}-password`,
): Promise<{ token: string; cookie: string; role: string }> {
  const response = await fetch(`${url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string; role: string };
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { token: body.token, cookie, role: body.role };
}

/** A GraphQL request with a bearer token (or none). */
export async function graphqlAs(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; data?: any; errors?: any[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}
