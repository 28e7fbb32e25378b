import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

/**
 * Every request gets an id, answered in X-Request-Id and written beside any server error in the
 * log, so that a user who reports "error abc…" points at its log line. An id sent by a trusted
 * proxy (TRUST_PROXY) is kept, so its logs and ours share it.
 */
export function requestId(trustProxy: boolean | number | string): RequestHandler {
  return (request, response, next) => {
    const given = trustProxy ? request.get("x-request-id") : undefined;
    const id = given && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
    response.locals.requestId = id;
    response.set("X-Request-Id", id);
    next();
  };
}
