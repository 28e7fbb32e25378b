import path from "node:path";

/**
 * Every setting of the app, read once from the environment, with the defaults of the public
 * contract (docs: README "Configuration"). Invalid values stop the start with a clear message.
 */
export interface Config {
  port: number; // HTTP port of the API and the explorer
  host: string | undefined; // interface to listen on; undefined = all (Node's default)
  logLevel: string; // pino level
  corsOrigins: string[] | "*"; // origins allowed to call the API from a browser
  neo4j: Neo4jConfig;
  seedOnStart: boolean; // load seeds/data when the graph is empty
  responseCache: boolean; // answer repeated anonymous reads from memory (server/http/response-cache.ts)
  graphqlIde: boolean; // GraphiQL at /graphql for browsers (server/http/graphql-ide.ts): on, unless NODE_ENV=production
  auth: AuthConfig;
  queryLimits: QueryLimits;
  http: HttpLimits;
  imports: ImportConfig;
}

/** The page's imports of spreadsheets and fiches (server/import; README "Limits"). */
export interface ImportConfig {
  concurrent: number; // imports running at once on this server; past it, 503 and try again
  heapMb: number; // each import's worker thread's heap
  timeoutMs: number; // an import that runs longer is stopped
  perMinute: number; // import requests per client address and minute
}

/** How long and how often one client may hold the server (server/http; README "Configuration"). */
export interface HttpLimits {
  queryTimeoutMs: number; // every Neo4j transaction of a web request is ended by the database past this
  requestTimeoutMs: number; // Node's whole-request deadline (body included)
  headersTimeoutMs: number; // Node's deadline for the request's headers (slowloris)
  graphqlPerMinute: number; // GraphQL requests per client address and minute
  authPerMinute: number; // /auth requests per client address and minute (logins have their own, stricter limits)
  trustProxy: boolean | number | string; // Express "trust proxy": whose X-Forwarded-For names the client
}

/** What one GraphQL request may ask (server/graphql/query-limits.ts). */
export interface QueryLimits {
  maxDepth: number; // nesting of fields
  maxAliases: number; // aliased fields in one operation
  maxTokens: number; // lexical tokens of the query text
  maxCost: number; // graphql-armor's cost (objects 2, scalars 1, × 1.5 per level)
}

/** Accounts and tokens (server/auth; README "Accounts and roles"). */
export interface AuthConfig {
  secret: string | undefined; // AUTH_SECRET signs the tokens; unset: a key generated once in secretFile
  secretFile: string; // beside the embedded Neo4j's data, never in git
  tokenTtlSeconds: number; // how long a login lasts
  publicRead: boolean; // false: anonymous visitors see only the login
  secureCookie: boolean; // the session cookie only over HTTPS (set it behind TLS)
  jwks: JwksConfig | undefined; // single sign-on: tokens of an OIDC provider
  loginLimit: { perAddress: number; perAccount: number; windowSeconds: number }; // login attempts
  suggestionsPerHour: number; // visitors' suggestions, per address
}

export interface JwksConfig {
  url: string; // AUTH_JWKS_URL
  issuer: string | undefined; // AUTH_ISSUER
  audience: string | undefined; // AUTH_AUDIENCE
  rolesClaim: string; // AUTH_ROLES_CLAIM: the claim (a dotted path) that holds the roles
  usernameClaim: string; // AUTH_USERNAME_CLAIM
}

export interface Neo4jConfig {
  /** Set: use that database. Unset: run the embedded Neo4j. */
  uri: string | undefined;
  username: string;
  password: string;
  database: string;
  maxConnections: number; // NEO4J_MAX_CONNECTIONS: of each driver's pool (the API's, the change thread's)
  embedded: EmbeddedNeo4jConfig;
}

export interface EmbeddedNeo4jConfig {
  home: string; // data, logs and transactions of the embedded server
  boltPort: number; // Bolt port on 127.0.0.1
  heap: string; // JVM -Xmx
  pageCacheMb: number; // Neo4j page cache
  restartDelayMs?: number; // (default 1000) npm start restarts a Neo4j that died after this, then backs off
  minFreeMb?: number; // (default 100) refuse to start below this much free disk space (a full disk hangs Neo4j)
  preTouchHeap?: boolean; // the whole heap committed and touched at start (-Xms = -Xmx, AlwaysPreTouch): the bench's memory checks
}

export class ConfigError extends Error {}

/** Node 22 or 24: npm install links one (core/dev/ensure-node.ts); a script run outside npm may find an older one first. */
function checkNodeVersion(): void {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22)
    throw new ConfigError(
      `Node ${process.versions.node} is too old: the project runs on Node 22 or 24. Run it through npm (npm start, npm run …), ` +
        "which uses the Node that npm install fetched into .cache/node, or install Node 22 or 24.",
    );
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  checkNodeVersion();
  return {
    port: readPort(env, "PORT", 4000),
    host: env.HOST || undefined,
    logLevel: env.LOG_LEVEL || "info",
    corsOrigins: readOrigins(env.CORS_ORIGINS),
    seedOnStart: readBoolean(env, "SEED_ON_START", true),
    responseCache: readBoolean(env, "RESPONSE_CACHE", true),
    graphqlIde: readBoolean(env, "GRAPHQL_IDE", env.NODE_ENV !== "production"),
    auth: readAuth(env),
    imports: {
      concurrent: readInteger(env, "IMPORT_CONCURRENCY", 2, 1),
      heapMb: readInteger(env, "IMPORT_HEAP_MB", 1024, 128),
      timeoutMs: readInteger(env, "IMPORT_TIMEOUT_MS", 120_000, 1000),
      perMinute: readInteger(env, "RATE_LIMIT_IMPORT", 30, 1),
    },
    queryLimits: {
      maxDepth: readInteger(env, "QUERY_MAX_DEPTH", 12, 1),
      maxAliases: readInteger(env, "QUERY_MAX_ALIASES", 15, 0),
      maxTokens: readInteger(env, "QUERY_MAX_TOKENS", 2000, 10),
      maxCost: readInteger(env, "QUERY_MAX_COST", 5000, 1),
    },
    http: {
      queryTimeoutMs: readInteger(env, "QUERY_TIMEOUT_MS", 5000, 100),
      requestTimeoutMs: readInteger(env, "HTTP_REQUEST_TIMEOUT_MS", 30_000, 1000),
      headersTimeoutMs: readInteger(env, "HTTP_HEADERS_TIMEOUT_MS", 10_000, 1000),
      graphqlPerMinute: readInteger(env, "RATE_LIMIT_GRAPHQL", 600, 1),
      authPerMinute: readInteger(env, "RATE_LIMIT_AUTH", 60, 1),
      trustProxy: readTrustProxy(env.TRUST_PROXY),
    },
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      username: env.NEO4J_USERNAME || "neo4j",
      password: env.NEO4J_PASSWORD || "",
      database: env.NEO4J_DATABASE || "neo4j",
      maxConnections: readInteger(env, "NEO4J_MAX_CONNECTIONS", 10, 1),
      embedded: {
        home: path.resolve(env.NEO4J_HOME || ".neo4j"),
        boltPort: readPort(env, "NEO4J_BOLT_PORT", 7687),
        heap: readHeap(env.NEO4J_HEAP || "512m"),
        pageCacheMb: readInteger(env, "NEO4J_PAGE_CACHE_MB", 128, 16),
        minFreeMb: readInteger(env, "NEO4J_MIN_FREE_MB", 100, 0),
        restartDelayMs: readInteger(env, "NEO4J_RESTART_DELAY_MS", 1000, 100),
      },
    },
  };
}

function readAuth(env: NodeJS.ProcessEnv): AuthConfig {
  const secret = env.AUTH_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) throw new ConfigError("AUTH_SECRET must be at least 32 characters long.");
  return {
    secret,
    secretFile: path.join(path.resolve(env.NEO4J_HOME || ".neo4j"), "auth-secret.key"),
    tokenTtlSeconds: readInteger(env, "AUTH_TOKEN_TTL", 8 * 3600, 10),
    publicRead: readBoolean(env, "PUBLIC_READ", true),
    secureCookie: readBoolean(env, "COOKIE_SECURE", false),
    jwks: env.AUTH_JWKS_URL
      ? {
          url: readUrl(env, "AUTH_JWKS_URL"),
          issuer: env.AUTH_ISSUER || undefined,
          audience: env.AUTH_AUDIENCE || undefined,
          rolesClaim: env.AUTH_ROLES_CLAIM || "roles",
          usernameClaim: env.AUTH_USERNAME_CLAIM || "preferred_username",
        }
      : undefined,
    loginLimit: {
      perAddress: readInteger(env, "LOGIN_LIMIT_PER_ADDRESS", 20, 1),
      perAccount: readInteger(env, "LOGIN_LIMIT_PER_ACCOUNT", 5, 1),
      windowSeconds: readInteger(env, "LOGIN_LIMIT_WINDOW", 15 * 60, 1),
    },
    suggestionsPerHour: readInteger(env, "SUGGESTIONS_PER_HOUR", 20, 1),
  };
}

function readUrl(env: NodeJS.ProcessEnv, name: string): string {
  const raw = env[name]!;
  if (!/^https?:\/\/\S+$/.test(raw)) throw new ConfigError(`${name}=${raw} must be an http(s) address.`);
  return raw;
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = readInteger(env, name, fallback, 0);
  if (port > 65535) throw new ConfigError(`${name}=${env[name]} is not a TCP port (0-65535).`);
  return port;
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name}=${raw} must be a whole number of at least ${min}.`);
  }
  return value;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]} must be true or false.`);
}

/**
 * TRUST_PROXY as Express reads it: unset or false (the socket's address is the client), true, a hop
 * count (1 = one load balancer in front), or a list of addresses/subnets ("loopback, 10.0.0.0/8").
 */
function readTrustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? "";
  if (value === "" || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[\w.:/, -]+$/.test(value)) return value;
  throw new ConfigError(`TRUST_PROXY=${raw} must be true, false, a number of proxies or a list of addresses.`);
}

function readHeap(raw: string): string {
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(`NEO4J_HEAP=${raw} must look like 512m or 1g.`);
  return raw;
}

function readOrigins(raw: string | undefined): string[] | "*" {
  // The API is read-only and cookie-less, so any origin may read it unless told otherwise.
  if (raw === undefined || raw.trim() === "" || raw.trim() === "*") return "*";
  return raw
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}
