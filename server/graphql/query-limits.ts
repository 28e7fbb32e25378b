import { ApolloArmor } from "@escape.tech/graphql-armor";
import { Lexer, Source, TokenKind, type GraphQLFormattedError } from "graphql";
import type { RequestHandler } from "express";
import type { QueryLimits } from "../../core/config.ts";

/**
 * Limits on what one request may ask (graphql-armor): depth, aliases, tokens, directives and cost,
 * checked before anything runs, so that a deep query through the generated relationship fields or
 * thousands of aliases is refused in milliseconds instead of pinning Neo4j. The defaults leave the
 * explorer's own operations well inside (tests/unit/client-operations.test.ts measures them).
 */
export function queryProtection(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false }, // its Apollo plugin throws while parsing, which Apollo answers 500: see tokenLimit

    maxDirectives: { n: 50 },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: false }, // the API is public and documented: suggestions help its users
  }).protect();
}

const refusals: [RegExp, string][] = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/, "depth"],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, "aliases"],
  [/Query Cost limit of (\d+) exceeded, found (\d+)/, "cost"],
  [/Directives limit of (\d+) exceeded, found (\d+)/, "directives"],
  [/Token limit of (\d+) exceeded/, "tokens"],
];

/** A refusal by a limit, as the API answers it: code QUERY_TOO_LARGE, which limit, its maximum and what was found. */
export function limitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  for (const [pattern, limit] of refusals) {
    const match = pattern.exec(formatted.message);
    if (!match) continue;
    const params = { limit, max: Number(match[1]), ...(match[2] ? { found: Number(match[2]) } : {}) };
    return {
      ...formatted,
      message: formatted.message.replace(/^Syntax Error: /, ""),
      extensions: { ...formatted.extensions, code: "QUERY_TOO_LARGE", reason: "query-limit", params },
    };
  }
  return undefined;
}

/**
 * The token limit, before Apollo: graphql-armor counts tokens in a parser hook whose refusal Apollo
 * answers as an internal error (500); counted here with graphql's own lexer, it is a 400 like the others.
 */
export function tokenLimit(max: number): RequestHandler {
  return (request, response, next) => {
    const query = (request.body as { query?: unknown } | undefined)?.query ?? request.query.query;
    if (typeof query !== "string") return next();
    let tokens = 0;
    try {
      const lexer = new Lexer(new Source(query));
      while (lexer.advance().kind !== TokenKind.EOF) if (++tokens > max) break;
    } catch {
      return next(); // a syntax error: Apollo says where
    }
    if (tokens <= max) return next();
    response.status(400).json({
      errors: [
        {
          message: `Token limit of ${max} exceeded.`,
          extensions: { code: "QUERY_TOO_LARGE", reason: "query-limit", params: { limit: "tokens", max } },
        },
      ],
    });
  };
}

/** How deep a request's variables may nest: a change's operations need about 6 levels. */
export const MAX_VARIABLES_DEPTH = 64;

/**
 * Variables nested thousands deep would overflow the stack of whatever walks them (coercion,
 * hashing for the cache) and end as a 500: refused first, as the caller's mistake, without recursion.
 */
export function variablesDepthLimit(max = MAX_VARIABLES_DEPTH): RequestHandler {
  return (request, response, next) => {
    let variables: unknown = (request.body as { variables?: unknown } | undefined)?.variables ?? request.query.variables;
    if (typeof variables === "string") variables = parseOrKeep(variables); // GET: Apollo parses it later
    if (depthOf(variables, max) <= max) return next();
    response.status(400).json({
      errors: [
        {
          message: `Variables nested deeper than ${max} levels.`,
          extensions: { code: "BAD_USER_INPUT", argument: "variables", reason: "query-limit", params: { limit: "variablesDepth", max } },
        },
      ],
    });
  };
}

/** The nesting depth of a JSON value, counted with a stack and stopping past `max`. */
export function depthOf(value: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > max) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // malformed: Apollo says so
  }
}
