import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Config } from "../../core/config.ts";
import { locales } from "../../core/locales/index.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { buildSchema } from "../graphql/build-schema.ts";
import { stringifyResult } from "../graphql/json-text.ts";
import type { Logger } from "../../core/logger.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { LayoutService } from "../layout/layout-service.ts";
import { compressLarge } from "./compress-large.ts";
import { healthHandler } from "./health.ts";
import { loggingPlugin } from "./logging-plugin.ts";
import { ResponseCache } from "./response-cache.ts";
import { CompiledReads, earlierBodyError, type Middleware } from "./compiled-reads.ts";
import { serveClient } from "./serve-client.ts";
import { oembedHandler } from "./link-preview.ts";
import { previewHandler } from "./preview-image.ts";
import { graphqlIde } from "./graphql-ide.ts";
import { securityHeaders } from "./security-headers.ts";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AccountStore } from "../auth/account-store.ts";
import { authRoutes } from "../auth/auth-routes.ts";
import { AuthenticationError, Authenticator, type Viewer } from "../auth/authenticate.ts";
import { readSigningKey } from "../auth/signing-key.ts";
import { Tokens } from "../auth/tokens.ts";
import type { RequestContext } from "../graphql/resolvers/services.ts";
import { limitError, queryProtection, tokenLimit, variablesDepthLimit } from "../graphql/query-limits.ts";
import { rateLimit } from "./rate-limit.ts";
import { inputErrorFromNeo4j } from "../graphql/bad-user-input.ts";
import { requestId } from "./request-id.ts";
import { serviceError, serviceErrorsPlugin } from "./service-errors.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";
import { MappingStore } from "../../seeds/import/spreadsheet/mapping-store.ts";
import { ImportJobs } from "../import/import-jobs.ts";
import { ChangeThread } from "../changes/change-thread.ts";
import { createDriver } from "../../core/neo4j/create-driver.ts";
import { importRoutes } from "../import/import-routes.ts";

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
}

/** Express app: /health, /graphql (Apollo Server 5 over the @neo4j/graphql schema), the explorer and its permalinks. */
export async function createApp(config: Config, database: Database, gazetteer: Gazetteer, log: Logger): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer, req.ip (rate limits, suggestions, logins) must be the client, not the balancer.
  app.set("trust proxy", config.http.trustProxy);
  // Node checks the request and header deadlines every connectionsCheckingInterval (30 s by default):
  // every second here, so that a slow client is cut off near its deadline.
  // The page's anonymous reads, once Apollo has answered them, go around Express (compiled-reads.ts).
  const httpServer = http.createServer({ connectionsCheckingInterval: 1000 }, (request, response) => serve(request, response));
  httpServer.requestTimeout = config.http.requestTimeoutMs;
  httpServer.headersTimeout = config.http.headersTimeoutMs;
  // One change service for the API and the imports, in a thread of its own: its mutex queues every write of this process.
  const changes = new ChangeThread(database.connection, database.database, gazetteer, sourcesDir, config.http.queryTimeoutMs);
  const schema = await buildSchema({
    driver: database.driver,
    database: database.database,
    gazetteer,
    layouts: new LayoutService(),
    queryTimeoutMs: config.http.queryTimeoutMs,
    changes,
  });
  const accounts = new AccountStore(database.driver, database.database);
  const tokens = new Tokens(readSigningKey(config.auth, log), config.auth.tokenTtlSeconds, config.auth.jwks);
  const authenticator = new Authenticator(tokens, accounts);
  const suggestions = new RateLimiterMemory({ points: config.auth.suggestionsPerHour, duration: 3600 });
  const protection = queryProtection(config.queryLimits);
  // The response cache's version query has a pool of its own: each cached read waits for it before
  // its own query, and in the readers' queue (NEO4J_MAX_CONNECTIONS) it waited as long as a read.
  const versionDriver = config.responseCache ? createDriver({ ...database.connection, maxConnections: 2 }) : undefined;
  const responseCache = versionDriver ? new ResponseCache(versionDriver, database.database, config.http.queryTimeoutMs) : undefined;
  const contextFor = (ip: string | undefined, id: string, viewer?: Viewer): RequestContext => ({
    sessionConfig: { database: database.database },
    transaction: { timeout: config.http.queryTimeoutMs },
    requestId: id,
    viewer,
    limitSuggestion: async () => {
      try {
        await suggestions.consume(ip ?? "unknown");
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
        throw error;
      }
    },
  });
  // The middleware before Apollo on /graphql, one instance each for Express and the compiled reads.
  const front = {
    requestId: requestId(config.http.trustProxy),
    securityHeaders: securityHeaders(config.auth.secureCookie),
    // Any origin may read unless CORS_ORIGINS narrows the list; never with credentials (cookies stay
    // on this site), so another site's page can only act with a token it was given.
    cors: cors({
      origin: config.corsOrigins === "*" ? "*" : config.corsOrigins,
      methods: ["GET", "POST"],
      credentials: false,
      maxAge: 86400,
      exposedHeaders: ["Retry-After", "X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining"],
    }),
    rateLimit: rateLimit(config.http.graphqlPerMinute, "GraphQL"),
    compress: compressLarge(),
    readJson: express.json({ limit: "100kb" }), // the compiled reads read the body before the others
  };
  const compiled: CompiledReads = new CompiledReads({
    schema,
    apollo: (): ApolloServer<RequestContext> => apollo,
    front: [front.requestId, front.securityHeaders, front.cors, front.rateLimit, front.compress] as Middleware[],
    readBody: front.readJson as Middleware,
    contextFor: (ip, id) => contextFor(ip, id, undefined),
    trustProxy: app.get("trust proxy fn") as (address: string, hop: number) => boolean,
    publicRead: config.auth.publicRead,
    cache: responseCache,
    log,
  });
  const serve = compiled.handler(app);
  const apollo: ApolloServer<RequestContext> = new ApolloServer<RequestContext>({
    schema,
    stringifyResult, // an answer from the response cache is written as the text it keeps (json-text.ts)
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    logger: log, // Apollo's own messages ("Unexpected error processing request") in our log, not on the console
    // Plain GET /graphql?query=… links work (Apollo's CSRF prevention would refuse them). Cross-site
    // writes are stopped before Apollo: the session cookie is SameSite=Strict and accepted only on
    // GET (where Apollo runs no mutation) or on JSON posts from this origin (server/auth/authenticate.ts).
    csrfPrevention: false,
    introspection: true,
    includeStacktraceInErrorResponses: false, // errors are logged with their stack; clients get the message
    stopOnTerminationSignals: false, // main.ts owns shutdown: HTTP first, then the driver, then Neo4j
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build, the app against its ESM one: the same plugins.
      ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // After the drain: no change or version query is under way.
      {
        serverWillStart: async () => ({
          serverWillStop: async () => {
            await Promise.all([changes.close(), versionDriver?.close()]);
          },
        }),
      },
      ApolloServerPluginLandingPageDisabled(), // it loads from Apollo's CDN; GraphiQL is served from npm instead (graphql-ide.ts)
      // No field carries a cache hint (the response cache keys on the graph's version): without this,
      // Apollo's cache-control plugin wraps every field's resolver, a thousand times for a neighbourhood.
      ApolloServerPluginCacheControlDisabled(),
      loggingPlugin(log),
      serviceErrorsPlugin(),
      ...(responseCache ? [responseCache.plugin()] : []),
      compiled.plugin(),
    ],
    // Our own failures are logged in full (loggingPlugin) but not shown: Cypher and stack are no business of clients.
    // (graphql ships CommonJS and ESM copies, so GraphQLError is recognised by its tag, not instanceof.)
    formatError: (formatted, error) =>
      limitError(formatted) ??
      withPath(formatted, inputErrorFromNeo4j(unwrapResolverError(error))?.toJSON()) ??
      withPath(formatted, serviceError(unwrapResolverError(error), config.http.queryTimeoutMs)) ??
      (Object.prototype.toString.call(unwrapResolverError(error)) === "[object GraphQLError]"
        ? formatted
        : { ...formatted, message: locales.en.errors.internal({}), extensions: { ...formatted.extensions, reason: "internal" } }),
  });
  await apollo.start();

  app.use(front.requestId);
  app.use(front.securityHeaders);
  app.get("/health", healthHandler(database.driver, database.database, Date.now()));
  app.use("/auth", rateLimit(config.http.authPerMinute, "/auth"), authRoutes(config.auth, accounts, tokens, authenticator, log));
  app.get("/graphql", graphqlIde(config.graphqlIde));
  app.use(
    "/graphql",
    front.cors,
    front.rateLimit,
    front.compress,
    async (request, response, next) => {
      try {
        const viewer = await authenticator.viewerOf(request);
        if (!viewer && !config.auth.publicRead) return void unauthenticated(response, "This deployment is private: log in first.");
        response.locals.viewer = viewer;
        next();
      } catch (error) {
        if (error instanceof AuthenticationError) return void unauthenticated(response, `Authentication failed: ${error.message}.`);
        next(error);
      }
    },
    earlierBodyError(),
    front.readJson,
    tokenLimit(config.queryLimits.maxTokens),
    variablesDepthLimit(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => contextFor(req.ip, res.locals.requestId as string, res.locals.viewer as Viewer | undefined),
    }),
  );
  app.use(
    "/import",
    rateLimit(config.imports.perMinute, "/import"),
    importRoutes({
      database,
      gazetteer,
      jobs: new ImportJobs(database.driver, database.database, log, config.imports, config.http.queryTimeoutMs),
      changes,
      mappings: new MappingStore(database.driver, database.database),
      authenticator,
      log,
    }),
  );
  app.get("/oembed", oembedHandler(database.driver, database.database));
  // Drawing a card takes about 15 ms (then it is cached): limited per address like the API.
  app.get(
    "/preview/:segment/:slug.png",
    rateLimit(config.http.graphqlPerMinute, "/preview"),
    previewHandler(database.driver, database.database),
  );
  serveClient(app, database);
  // Anything else: a short answer, not Express's page (which echoes the path).
  app.use((_request, response) => void response.status(404).type("text/plain").send("Not found"));
  app.use(jsonErrors(log));
  if ((await accounts.countAdmins()) === 0)
    log.warn(
      "No admin account yet: create one with `npm run user -- add <username> --role admin` (the password is read from standard input)",
    );
  return { httpServer, apollo };
}

/**
 * Express's own errors (a body too large, malformed JSON) as a short JSON answer in GraphQL's shape,
 * never its HTML page with the stack and the paths; anything else is ours: logged, answered 500.
 */
function jsonErrors(log: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string; limit?: number }, request, response, next) => {
    if (response.headersSent) return next(error);
    const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    const id = response.locals.requestId as string | undefined;
    if (status === 500) log.error({ err: error, requestId: id, path: request.path }, "request failed");
    const message =
      status === 413
        ? `The request body is too large (${kilobytes(error.limit ?? 100 * 1024)} at most).`
        : status === 500
          ? locales.en.errors.internal({})
          : `Bad request: ${error.message ?? "malformed"}.`;
    const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
    response.status(status).json({ errors: [{ message, extensions: { code, ...(status === 500 ? { requestId: id } : {}) } }] });
  };
}

const kilobytes = (bytes: number) => (bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MB` : `${Math.round(bytes / 1024)} kB`);

/** A service error keeps the path (which field failed) of the error it replaces. */
function withPath(formatted: GraphQLFormattedError, replacement: GraphQLFormattedError | undefined): GraphQLFormattedError | undefined {
  return (
    replacement && {
      ...replacement,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    }
  );
}

/** 401 in GraphQL's shape, so that clients read it as they read any error. */
function unauthenticated(response: express.Response, message: string): void {
  response
    .status(401)
    .set("WWW-Authenticate", "Bearer")
    .json({ errors: [{ message, extensions: { code: "UNAUTHENTICATED", reason: "unauthenticated", params: {} } }] });
}
