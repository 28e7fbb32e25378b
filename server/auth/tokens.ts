import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { JwksConfig } from "../../core/config.ts";
import { isRole, roles, type Role } from "../../core/roles.ts";

const issuer = "alliance-graph";

/** Who a verified token speaks for. `local`: signed here (its account is checked on each request). */
export interface TokenSubject {
  username: string;
  role: Role;
  issuedAt: number;
  local: boolean;
}

export class InvalidToken extends Error {}

/**
 * Short-lived JWTs (jose): HS256 tokens that /auth/login signs, and, with AUTH_JWKS_URL, an
 * organisation's single sign-on tokens, checked against its published keys, issuer and audience.
 */
export class Tokens {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly key: Uint8Array,
    readonly ttlSeconds: number,
    private readonly sso: JwksConfig | undefined,
  ) {
    this.jwks = sso ? createRemoteJWKSet(new URL(sso.url)) : undefined;
  }

  async issue(username: string, role: Role): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(username)
      .setIssuer(issuer)
      .setAudience(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresAt: new Date((now + this.ttlSeconds) * 1000).toISOString() };
  }

  async verify(token: string): Promise<TokenSubject> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidToken("not a JWT");
    }
    if (alg === "HS256") {
      const payload = await this.check(() => jwtVerify(token, this.key, { issuer, audience: issuer, algorithms: ["HS256"] }));
      if (!payload.sub || !isRole(payload.role)) throw new InvalidToken("no subject or role");
      return { username: payload.sub, role: payload.role, issuedAt: payload.iat ?? 0, local: true };
    }
    if (!this.jwks || !this.sso) throw new InvalidToken(`tokens signed with ${alg} are accepted only with AUTH_JWKS_URL`);
    const sso = this.sso;
    const payload = await this.check(() =>
      jwtVerify(token, this.jwks!, { ...(sso.issuer ? { issuer: sso.issuer } : {}), ...(sso.audience ? { audience: sso.audience } : {}) }),
    );
    const role = highestRole(claim(payload, sso.rolesClaim));
    const username = claim(payload, sso.usernameClaim) ?? payload.sub;
    if (!role) throw new InvalidToken(`no role of ${roles.join(", ")} in the claim ${sso.rolesClaim}`);
    if (typeof username !== "string") throw new InvalidToken(`no ${sso.usernameClaim} or sub claim`);
    return { username, role, issuedAt: payload.iat ?? 0, local: false };
  }

  private async check(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
    try {
      return (await verify()).payload;
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
  }
}

/** A claim by dotted path: "realm_access.roles" in Keycloak's tokens. */
function claim(payload: JWTPayload, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/** Of the roles a provider lists (a string or a list), the one that may do most. */
function highestRole(value: unknown): Role | undefined {
  const listed = (Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\s,]+/) : []).filter(isRole);
  return listed.sort((a, b) => roles.indexOf(b) - roles.indexOf(a))[0];
}
