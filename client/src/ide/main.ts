import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/setup-workers/vite"; // Monaco's workers, bundled by Vite: nothing is fetched from a CDN
import "graphiql/style.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

/**
 * GraphiQL, from npm and bundled with the explorer, at GET /graphql for browsers: it works on a
 * machine without the internet, unlike Apollo's landing page (which loads from Apollo's CDN).
 * Requests go to this server's /graphql with the page's cookie: a logged-in editor can query as such.
 */
const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.origin).href });
const defaultQuery = `# Ctrl-Space completes; the Docs button lists every field.
{
  brokers(limit: 5) {
    entity { kind slug name }
    betweenness
    spans { communities regions cohorts }
  }
  alliesNear(place: "Lille", radiusKm: 50) {
    ally { name }
    distanceKm
  }
}
`;
createRoot(document.getElementById("graphiql")!).render(createElement(GraphiQL, { fetcher, defaultQuery }));
