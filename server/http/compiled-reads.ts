import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { parseCookie } from "cookie";
import type { RequestHandler } from "express";
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import Negotiator from "negotiator";
import proxyaddr from "proxy-addr";
import { locales } from "../../core/locales/index.ts";
import type { Logger } from "../../core/logger.ts";
import { sessionCookie } from "../auth/authenticate.ts";
import { depthOf, MAX_VARIABLES_DEPTH } from "../graphql/query-limits.ts";
import type { RequestContext } from "../graphql/resolvers/services.ts";
import type { ResponseCache } from "./response-cache.ts";

/** A plain Node middleware: Express's and connect's (helmet, cors, compression) fit it. */
export type Middleware = (
  request: IncomingMessage & { ip?: string },
  response: ServerResponse & { locals: Record<string, unknown> },
  next: (error?: unknown) => void,
) => unknown;

interface Known {
  document: DocumentNode;
  operationName: string | undefined;
  jit?: CompiledQuery | undefined;
}

interface Body {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface CompiledReadsOptions {
  schema: GraphQLSchema;
  apollo: () => ApolloServer<RequestContext>; // answers what the compiled path does not (errors)
  /** What Express runs before Apollo on /graphql, the same instances (one rate limit count for both paths). */
  front: Middleware[];
  readBody: Middleware; // Express's JSON body parser on /graphql, the same instance (its limit, its errors)
  contextFor: (ip: string | undefined, requestId: string) => RequestContext; // an anonymous visitor's context
  trustProxy: (address: string, hop: number) => boolean; // Express's compiled TRUST_PROXY, for req.ip
  publicRead: boolean;
  cache: ResponseCache | undefined;
  log: Logger;
  maxKnown?: number;
}

/** Where a body read before Express failed (too large, malformed): Express answers it as if it had read it. */
const bodyError = Symbol("body error");

/**
 * The media types Apollo Server 5 answers a query in, its choice first (MEDIA_TYPES in its
 * ApolloServer.js): it follows the Accept header, and answers 406 when none fits. The compiled path
 * writes the first only, so it takes only the requests for which Apollo would choose it.
 */
const apolloTypes = [
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

/** The answers compiled reads send carry this header (as the response cache's x-response-cache). */
export const COMPILED_HEADER = "x-compiled-read";

/**
 * The page's reads without Express's router and Apollo's pipeline. A query text that Apollo has
 * answered once, without errors, to an anonymous POST — so parsed, validated and within the query
 * limits — is kept with its parsed document; the next anonymous POST of the same text runs the same
 * middleware (request id, security headers, CORS, rate limit, compression), the response cache, and
 * the kept document compiled by graphql-jit (graphql-js's `execute` where it cannot compile), and
 * writes `{"data":…}` itself. Anything else goes through Express and Apollo as before: GET, a
 * logged-in viewer, an unknown text, a private deployment, an Accept header Apollo would answer in
 * another type; and an answer with errors is dropped and the request handed to Apollo (a read, so
 * running it again changes nothing), whose plugins format, log and give the status of errors.
 * What it leaves out is the debug line Apollo's logging plugin writes per operation.
 * Why: a `{ __typename }` costs 0.5 ms through Express and Apollo here, 0.08 ms through Node's
 * http alone (scratch runs, 2026-12-06), which is most of what the API adds to a search's 1–2 ms.
 */
export class CompiledReads {
  private readonly known = new Map<string, Known>(); // query text → its document; insertion order = oldest first

  constructor(private readonly options: CompiledReadsOptions) {}

  /** Apollo's side: keeps the document of each query answered without errors to an anonymous POST. */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async ({ request }) => {
        if (request.http?.method !== "POST" || !anonymous(request.http.headers.get("authorization"), request.http.headers.get("cookie")))
          return;
        return {
          willSendResponse: async ({ document, operation, response, request }) => {
            if (!document || operation?.operation !== "query" || typeof request.query !== "string" || request.extensions?.persistedQuery)
              return;
            if (response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
            this.remember(request.query, { document, operationName: request.operationName ?? undefined });
          },
        };
      },
    };
  }

  /** Node's request listener: compiled reads here, anything else to `fallback` (the Express app). */
  handler(fallback: (request: IncomingMessage, response: ServerResponse) => void) {
    return (request: IncomingMessage, response: ServerResponse): void => {
      if (!this.eligible(request)) return fallback(request, response);
      const res = response as ServerResponse & { locals: Record<string, unknown> };
      this.options.readBody(request, res, (error) => {
        if (error) {
          (request as { [bodyError]?: unknown })[bodyError] = error;
          return fallback(request, response);
        }
        const body = (request as { body?: Body }).body;
        const known = this.knownFor(body);
        if (!known) return fallback(request, response);
        this.answer(request, res, body!, known).catch((failure) => this.fail(res, failure));
      });
    };
  }

  private eligible(request: IncomingMessage): boolean {
    return (
      this.options.publicRead &&
      this.known.size > 0 &&
      request.method === "POST" &&
      (request.url === "/graphql" || request.url!.startsWith("/graphql?")) &&
      /^application\/json\b/i.test(request.headers["content-type"] ?? "") &&
      (!request.headers.accept || new Negotiator(request).mediaType(apolloTypes) === apolloTypes[0]) &&
      anonymous(request.headers.authorization, request.headers.cookie)
    );
  }

  private knownFor(body: Body | undefined): Known | undefined {
    if (!body || typeof body !== "object" || Array.isArray(body) || typeof body.query !== "string" || body.extensions !== undefined) return;
    const known = this.known.get(body.query);
    if (!known || (body.operationName ?? undefined) !== known.operationName) return;
    const variables = body.variables ?? undefined;
    if (variables !== undefined && (typeof variables !== "object" || Array.isArray(variables))) return; // Apollo says what is wrong
    if (depthOf(variables, MAX_VARIABLES_DEPTH) > MAX_VARIABLES_DEPTH) return; // so does the Express chain's limit
    return known;
  }

  private remember(query: string, known: Known): void {
    if (this.known.has(query)) return;
    // graphql-jit compiles the query into a function (the completion of a neighbourhood's thousand
    // objects: 13.4 → 10.8 ms at one client); a query it cannot compile runs in graphql-js.
    try {
      const jit = compileQuery(this.options.schema, known.document, known.operationName);
      if (isCompiledQuery(jit)) known.jit = jit;
    } catch (error) {
      this.options.log.debug({ err: error }, "graphql-jit could not compile a query: graphql-js runs it");
    }
    this.known.set(query, known);
    // Bounded: anyone may send many distinct texts; the page sends a dozen.
    if (this.known.size > (this.options.maxKnown ?? 500)) this.known.delete(this.known.keys().next().value!);
  }

  private async answer(
    request: IncomingMessage & { ip?: string },
    response: ServerResponse & { locals: Record<string, unknown> },
    body: Body,
    known: Known,
  ): Promise<void> {
    response.locals = {};
    request.ip = proxyaddr(request, this.options.trustProxy);
    if (!(await this.runFront(request, response))) return; // a middleware answered (429) or failed
    const requestId = response.locals.requestId as string;
    const variables = (body.variables ?? undefined) as Record<string, unknown> | undefined;
    const found = this.options.cache ? await this.options.cache.lookup(body.query as string, known.operationName, variables) : undefined;
    if (found?.hit !== undefined) return send(response, `{"data":${found.hit}}\n`, "hit");
    const contextValue = this.options.contextFor(request.ip, requestId);
    const result: ExecutionResult = known.jit
      ? await known.jit.query(undefined, contextValue, variables)
      : await execute({
          schema: this.options.schema,
          document: known.document,
          operationName: known.operationName,
          variableValues: variables,
          contextValue,
        });
    if (result.errors?.length) return this.throughApollo(request, response, body, requestId);
    const data = JSON.stringify(result.data);
    if (found?.key) this.options.cache!.store(found.key, data);
    send(response, `{"data":${data}}\n`, found?.bypassed ? "bypass" : found?.key ? "miss" : undefined);
  }

  /** The front middleware in order; false when one of them answered or failed. */
  private runFront(
    request: IncomingMessage & { ip?: string },
    response: ServerResponse & { locals: Record<string, unknown> },
  ): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const step = (index: number) => (error?: unknown) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (index === this.options.front.length) return resolve(true);
        try {
          const returned = this.options.front[index]!(request, response, step(index + 1));
          if (returned instanceof Promise) returned.catch(reject);
        } catch (failure) {
          reject(failure instanceof Error ? failure : new Error(String(failure)));
        }
      };
      response.once("finish", () => resolve(false)); // answered by a middleware (the rate limit's 429)
      step(0)();
    });
  }

  /** The request through Apollo's own pipeline, as @as-integrations/express5 hands it over. */
  private async throughApollo(
    request: IncomingMessage & { ip?: string },
    response: ServerResponse,
    body: Body,
    requestId: string,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const answer = await this.options.apollo().executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: new URL(request.url!, "http://localhost").search, body },
      context: async () => this.options.contextFor(request.ip, requestId),
    });
    for (const [key, value] of answer.headers) response.setHeader(key, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") return void response.end(answer.body.string);
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  }

  private fail(response: ServerResponse & { locals: Record<string, unknown> }, failure: unknown): void {
    const requestId = response.locals.requestId as string | undefined;
    this.options.log.error({ err: failure, requestId, path: "/graphql" }, "request failed");
    if (response.headersSent) return void response.destroy();
    response.statusCode = 500;
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.end(
      JSON.stringify({ errors: [{ message: locales.en.errors.internal({}), extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }),
    );
  }
}

/** In the Express chain where its JSON parser stands: an error met while the compiled path read the body. */
export function earlierBodyError(): RequestHandler {
  return (request, _response, next) => next((request as { [bodyError]?: unknown })[bodyError]);
}

function anonymous(authorization: string | undefined, cookie: string | undefined): boolean {
  return !authorization && (!cookie || parseCookie(cookie)[sessionCookie] === undefined);
}

function send(response: ServerResponse, text: string, cache: "hit" | "miss" | "bypass" | undefined): void {
  response.statusCode = 200;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Content-Length", Buffer.byteLength(text));
  response.setHeader(COMPILED_HEADER, "yes");
  if (cache) response.setHeader("x-response-cache", cache);
  response.end(text);
}
