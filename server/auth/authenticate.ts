import { parseCookie } from "cookie";
import type { Request } from "express";
import type { Role } from "../../core/roles.ts";
import type { AccountStore } from "./account-store.ts";
import { InvalidToken, type Tokens } from "./tokens.ts";

export const sessionCookie = "alliance_session";

/** Who is asking: an account (by bearer token or by the page's session cookie), or nobody. */
export interface Viewer {
  username: string;
  role: Role;
  via: "bearer" | "cookie";
  local: boolean; // an account of this server (not single sign-on)
}

/** A token that is wrong, expired, revoked, or sent where a cookie may not go: answered 401. */
export class AuthenticationError extends Error {}

/**
 * Reads the request's credentials. A local token's account is read on every request, so a role
 * change, a disabled account or a logout takes effect at once. A cookie is accepted only on reads
 * (GET) or JSON posts from this origin: a cross-site form cannot send JSON without a preflight,
 * which CORS refuses to credentialed requests (and SameSite=Strict keeps the cookie home anyway).
 */
export class Authenticator {
  constructor(
    private readonly tokens: Tokens,
    private readonly accounts: AccountStore,
  ) {}

  async viewerOf(request: Request): Promise<Viewer | undefined> {
    const header = request.headers.authorization;
    if (header) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(header);
      if (!bearer) throw new AuthenticationError("the Authorization header must be `Bearer <token>`");
      return this.viewerOfToken(bearer[1]!, "bearer");
    }
    const cookie = request.headers.cookie ? parseCookie(request.headers.cookie)[sessionCookie] : undefined;
    if (!cookie) return undefined;
    if (!cookieAllowed(request)) throw new AuthenticationError("a session cookie is accepted only on GET or JSON requests from this site");
    return this.viewerOfToken(cookie, "cookie");
  }

  async viewerOfToken(token: string, via: Viewer["via"]): Promise<Viewer> {
    let subject;
    try {
      subject = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidToken) throw new AuthenticationError(`invalid or expired token (${error.message})`);
      throw error;
    }
    if (!subject.local) return { username: subject.username, role: subject.role, via, local: false };
    const account = await this.accounts.find(subject.username);
    if (!account || account.disabled) throw new AuthenticationError("this account no longer exists or is disabled");
    if (account.loggedOutAt !== undefined && subject.issuedAt < account.loggedOutAt)
      throw new AuthenticationError("this session has ended (logged out)");
    return { username: account.username, role: account.role, via, local: true };
  }
}

function cookieAllowed(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.headers.host}`) return false;
  if (request.method === "GET" || request.method === "HEAD") return true;
  return /^application\/json\b/i.test(request.headers["content-type"] ?? "");
}
