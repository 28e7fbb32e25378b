import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers (helmet) for the explorer and the API. The page's CSP allows only what it loads:
 * its own scripts, styles and data; inline styles because Cytoscape.js adds a <style> element for its
 * container; data: and blob: images (the favicon, PNG exports). Only /embed/… may be framed by
 * another site (frame-ancestors, which browsers prefer to X-Frame-Options, so that one is off).
 * The same CSP covers /graphql, whose browser page is GraphiQL, bundled from npm: its Monaco editor
 * runs web workers from /assets ('self') and uses inline styles.
 * HSTS only when the deployment says it is served over HTTPS (COOKIE_SECURE).
 */
export function securityHeaders(https: boolean): RequestHandler {
  const common = {
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    xFrameOptions: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" as const },
    crossOriginEmbedderPolicy: false,
  };
  const page = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"], // GraphiQL's stylesheet inlines its fonts
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [(request) => ((request as { path?: string }).path?.startsWith("/embed") ? "*" : "'self'")],
      },
    },
  });
  return page;
}
