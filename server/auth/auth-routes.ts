import express, { type Request, type Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { AuthConfig } from "../../core/config.ts";
import type { Logger } from "../../core/logger.ts";
import type { AccountStore } from "./account-store.ts";
import { AuthenticationError, sessionCookie, type Authenticator } from "./authenticate.ts";
import { verifyPassword } from "./passwords.ts";
import type { Tokens } from "./tokens.ts";

const wrongCredentials = "Wrong username or password.";

/**
 * POST /auth/login, POST /auth/logout, GET /auth/session. Login answers the same 401 whether the
 * account exists or not, is limited per address and per account, and logs only the username and
 * the outcome.
 */
export function authRoutes(config: AuthConfig, accounts: AccountStore, tokens: Tokens, authenticator: Authenticator, log: Logger) {
  const router = express.Router();
  const perAddress = new RateLimiterMemory({ points: config.loginLimit.perAddress, duration: config.loginLimit.windowSeconds });
  const perAccount = new RateLimiterMemory({ points: config.loginLimit.perAccount, duration: config.loginLimit.windowSeconds });
  const cookieOptions = {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: config.secureCookie,
    path: "/",
  };

  router.post("/login", express.json({ limit: "4kb" }), async (request: Request, response: Response) => {
    response.set("Cache-Control", "no-store");
    const { username, password } = (request.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== "string" || typeof password !== "string" || !username || !password) {
      response.status(400).json({ error: 'Send JSON {"username": …, "password": …}.' });
      return;
    }
    const name = username.trim().toLowerCase();
    try {
      await perAddress.consume(request.ip ?? "unknown");
      const blocked = await perAccount.get(name);
      if (blocked && blocked.remainingPoints <= 0) throw blocked;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      log.warn({ username: name, outcome: "rate-limited" }, "login");
      response
        .set("Retry-After", String(Math.ceil(error.msBeforeNext / 1000)))
        .status(429)
        .json({ error: "Too many login attempts; try again later." });
      return;
    }
    const account = await accounts.find(name);
    const valid = await verifyPassword(account?.passwordHash, password);
    if (!account || !valid || account.disabled) {
      await perAccount.penalty(name, 1);
      log.info({ username: name, outcome: "refused" }, "login");
      response.status(401).json({ error: wrongCredentials });
      return;
    }
    await perAccount.delete(name);
    await accounts.update(name, { stamp: "lastLoginAt" });
    const { token, expiresAt } = await tokens.issue(account.username, account.role);
    log.info({ username: name, outcome: "ok" }, "login");
    response.cookie(sessionCookie, token, { ...cookieOptions, maxAge: tokens.ttlSeconds * 1000 });
    response.json({ token, role: account.role, expiresAt, username: account.username });
  });

  router.post("/logout", async (request: Request, response: Response) => {
    response.set("Cache-Control", "no-store");
    try {
      const viewer = await authenticator.viewerOf(request);
      // Tokens issued before now are refused from here on: this session, and this account's others.
      if (viewer?.local) await accounts.update(viewer.username, { stamp: "loggedOutAt" });
      if (viewer) log.info({ username: viewer.username, outcome: "ok" }, "logout");
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error; // an expired session ends all the same
    }
    response.clearCookie(sessionCookie, cookieOptions).status(204).end();
  });

  router.get("/session", async (request: Request, response: Response) => {
    response.set("Cache-Control", "no-store");
    let viewer;
    try {
      viewer = await authenticator.viewerOf(request);
    } catch {
      response.clearCookie(sessionCookie, cookieOptions);
    }
    response.json({ username: viewer?.username ?? null, role: viewer?.role ?? null, publicRead: config.publicRead });
  });
  return router;
}
