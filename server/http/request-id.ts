import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** What the request id needs of a response: Express's, or a plain one given `locals` (compiled-reads.ts). */
type WithLocals = ServerResponse & { locals: Record<string, unknown> };

/**
 * Every request gets an id, answered in X-Request-Id and written beside any server error in the
 * log, so that a user who reports "error abc…" points at its log line. An id sent by a trusted
 * proxy (TRUST_PROXY) is kept, so its logs and ours share it. Plain Node request and response,
 * so that the compiled reads run it outside Express too.
 */
export function requestId(trustProxy: boolean | number | string) {
  return (request: IncomingMessage, response: WithLocals, next: () => void): void => {
    const header = trustProxy ? request.headers["x-request-id"] : undefined;
    const given = Array.isArray(header) ? header[0] : header;
    const id = given && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
    response.locals.requestId = id;
    response.setHeader("X-Request-Id", id);
    next();
  };
}
