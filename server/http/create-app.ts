import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { Config } from "../../core/config.ts";
import { locales } from "../../core/locales/index.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { buildSchema } from "../graphql/build-schema.ts";
import type { Logger } from "../../core/logger.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { LayoutService } from "../layout/layout-service.ts";
import { healthHandler } from "./health.ts";
import { loggingPlugin } from "./logging-plugin.ts";
import { responseCachePlugin } from "./response-cache.ts";
import { serveClient } from "./serve-client.ts";

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer;
}

/** Express app: /health, /graphql (Apollo Server 5 over the @neo4j/graphql schema), the explorer and its permalinks. */
export async function createApp(config: Config, database: Database, gazetteer: Gazetteer, log: Logger): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const schema = await buildSchema({ driver: database.driver, database: database.database, gazetteer, layouts: new LayoutService() });
  const apollo = new ApolloServer({
    schema,
    // The API is read-only (no mutation is exposed) and uses no cookies, so a cross-site request can
    // neither change anything nor read anything private: plain GET /graphql?query=… links may work.
    csrfPrevention: false,
    introspection: true,
    includeStacktraceInErrorResponses: false, // errors are logged with their stack; clients get the message
    stopOnTerminationSignals: false, // main.ts owns shutdown: HTTP first, then the driver, then Neo4j
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      loggingPlugin(log),
      ...(config.responseCache ? [responseCachePlugin(database.driver, database.database)] : []),
    ],
    // Our own failures are logged in full (loggingPlugin) but not shown: Cypher and stack are no business of clients.
    // (graphql ships CommonJS and ESM copies, so GraphQLError is recognised by its tag, not instanceof.)
    formatError: (formatted, error) =>
      Object.prototype.toString.call(unwrapResolverError(error)) === "[object GraphQLError]"
        ? formatted
        : { ...formatted, message: locales.en.errors.internal({}), extensions: { ...formatted.extensions, reason: "internal" } },
  });
  await apollo.start();

  app.get("/health", healthHandler(database.driver, database.database, Date.now()));
  app.use(
    "/graphql",
    // Public, read-only data: any origin may read it unless CORS_ORIGINS narrows the list; no credentials.
    cors({ origin: config.corsOrigins === "*" ? "*" : config.corsOrigins, credentials: false, maxAge: 86400 }),
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async () => ({ sessionConfig: { database: database.database } }),
    }),
  );
  serveClient(app);
  return { httpServer, apollo };
}
