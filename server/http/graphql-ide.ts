import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import { clientDir } from "../../core/client-dir.ts";

/**
 * GET /graphql from a browser (it asks for HTML, with no query in the address): GraphiQL, built from
 * npm with the explorer (client/ide.html), so that it works offline; Apollo's own landing page, which
 * loads from Apollo's CDN, is off (create-app.ts). GRAPHQL_IDE=false (the default under
 * NODE_ENV=production) leaves such requests to Apollo, which answers them as a GraphQL GET.
 */
export function graphqlIde(enabled: boolean): RequestHandler {
  const page = path.join(clientDir, "ide.html");
  return (request, response, next) => {
    const browser =
      request.method === "GET" && request.query.query === undefined && request.accepts(["application/json", "text/html"]) === "text/html";
    if (!enabled || !browser) return next();
    if (!fs.existsSync(page)) return void response.status(503).type("text/plain").send("The GraphQL IDE is not built: run npm run build.");
    response.set("Cache-Control", "no-cache").sendFile(page);
  };
}
