import { isRole, type Role } from "../../../core/roles.ts";

/** Who is using the page: an account (by its httpOnly session cookie, which the page never reads), or nobody. */
export interface Session {
  username: string | null;
  role: Role | null;
  publicRead: boolean;
}

export async function readSession(): Promise<Session> {
  const response = await fetch("/auth/session", { headers: { accept: "application/json" } });
  const body = (await response.json()) as { username: string | null; role: string | null; publicRead: boolean };
  return { username: body.username, role: isRole(body.role) ? body.role : null, publicRead: body.publicRead !== false };
}

/** Logs in; the server sets the session cookie. A refusal says why: wrong credentials, or wait so long. */
export async function logIn(username: string, password: string): Promise<{ ok: true } | { ok: false; retryAfter?: number }> {
  const response = await fetch("/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.ok) return { ok: true };
  const retry = Number(response.headers.get("retry-after"));
  return response.status === 429 ? { ok: false, retryAfter: retry || 60 } : { ok: false };
}

export async function logOut(): Promise<void> {
  await fetch("/auth/logout", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
}
