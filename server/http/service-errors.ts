import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** Seconds a client is told to wait when the database is away or too busy. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Errors that are neither the caller's nor a bug: the database unreachable (the driver's
 * ServiceUnavailable, SessionExpired, Neo4j's transient errors) or a query it stopped at its deadline.
 * Both are answered 503 with Retry-After and a code a client can act on, not "Internal server error".
 */
export function serviceError(error: unknown, queryTimeoutMs: number): GraphQLFormattedError | undefined {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  if (/TransactionTimedOut/.test(code))
    return {
      message: `The query ran longer than ${queryTimeoutMs} ms and was stopped; ask for less, or try again later.`,
      extensions: { code: "QUERY_TIMEOUT", reason: "query-timeout", params: { ms: queryTimeoutMs } },
    };
  if (code === "ServiceUnavailable" || code === "SessionExpired" || /^Neo\.TransientError\./.test(code))
    return {
      message: `The database is unavailable; try again in ${RETRY_AFTER_SECONDS} s.`,
      extensions: { code: "SERVICE_UNAVAILABLE", reason: "unavailable", params: { seconds: RETRY_AFTER_SECONDS } },
    };
  return undefined;
}

/**
 * Sets the HTTP status a GraphQL answer's errors call for (503 + Retry-After for the errors above),
 * and writes the request's id into every error that is ours, so that the log line can be found.
 */
export function serviceErrorsPlugin(): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          const codes = errors.map((error) => String(error.extensions?.code));
          if (codes.some((code) => code === "SERVICE_UNAVAILABLE" || code === "QUERY_TIMEOUT")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
          const ours = ["SERVICE_UNAVAILABLE", "QUERY_TIMEOUT", "INTERNAL_SERVER_ERROR"];
          if (contextValue.requestId && codes.some((code) => ours.includes(code)))
            response.body.singleResult.errors = errors.map((error) =>
              ours.includes(String(error.extensions?.code))
                ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
                : error,
            );
        },
      };
    },
  };
}
