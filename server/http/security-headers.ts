import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers (helmet) for the explorer and the API. The page's CSP allows only what it loads:
 * its own scripts, styles and data; inline styles because Cytoscape.js adds a <style> element for its
 * container; data: and blob: images (the favicon, PNG exports). Only /embed/… may be framed by
 * another site (frame-ancestors, which browsers prefer to X-Frame-Options, so that one is off).
 * /graphql keeps the other headers without a CSP: Apollo's landing page loads from its CDN.
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
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [(request) => ((request as { path?: string }).path?.startsWith("/embed") ? "*" : "'self'")],
      },
    },
  });
  const api = helmet({ ...common, contentSecurityPolicy: false });
  return (request, response, next) => (request.path.startsWith("/graphql") ? api(request, response, next) : page(request, response, next));
}
