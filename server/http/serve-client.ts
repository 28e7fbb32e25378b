import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import type { Driver } from "neo4j-driver";
import { compressLarge } from "./compress-large.ts";
import { entityCard, permalinkOf, withPreview } from "./link-preview.ts";
import { clientDir } from "../../core/client-dir.ts";
import { entityKinds, labels } from "../../core/model/index.ts";

const segments = labels.map((label) => entityKinds[label].segment).join("|");

/**
 * The explorer and its permalinks: /, /allies/extracites, /embed/initiatives/… all get the
 * single-page app, which reads the entity from the address. Embeds may be framed by any site.
 * A permalink's page carries the entity's title, description and oEmbed link (link-preview.ts).
 */
export function serveClient(app: Express, database?: { driver: Driver; database: string }): void {
  const index = path.join(clientDir, "index.html");
  app.use("/assets", compressLarge(), express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.get("/basemap.json", compressLarge(), (_request, response) =>
    response.set("Cache-Control", "public, max-age=86400").sendFile(path.join(clientDir, "basemap.json")),
  );
  const page = (request: express.Request, response: express.Response) => {
    try {
      decodeURIComponent(request.path); // the page reads the slug from the address: it must decode
    } catch {
      response.status(400).type("text/plain").send("Bad request: the address is not valid percent-encoding.");
      return;
    }
    if (!fs.existsSync(index)) {
      response.status(503).type("text/plain").send("The explorer is not built: run npm run build.");
      return;
    }
    response.set("Cache-Control", "no-cache");
    // Only the embed view may be put in another site's iframe: its CSP says so (security-headers.ts).
    const link = database && permalinkOf(request.path);
    if (!link) return void response.sendFile(index);
    // The page with the entity's preview; without it (unknown entity, database away) the plain page.
    entityCard(database.driver, database.database, link.label, link.slug)
      .catch(() => undefined)
      .then((card) =>
        card ? response.type("html").send(withPreview(fs.readFileSync(index, "utf8"), card, request)) : response.sendFile(index),
      )
      .catch(() => response.sendFile(index));
  };
  app.get("/", page);
  app.get(new RegExp(`^/(${segments})/[^/]+/?$`), page);
  app.get(new RegExp(`^/embed/(${segments})/[^/]+/?$`), page);
  app.get("/embed", page);
}
