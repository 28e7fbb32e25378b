import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "../../core/logger.ts";
import { inputErrorFromNeo4j } from "../graphql/bad-user-input.ts";
import { serviceError } from "./service-errors.ts";

/** Logs each GraphQL operation with its duration, and its errors (user errors at debug level). */
export function loggingPlugin(log: Logger): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = Date.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            // A request the schema refuses (bad input, unknown field, no mutation) is the client's; a thrown error is ours.
            const userError =
              !error.originalError ||
              [
                "BAD_USER_INPUT",
                "GRAPHQL_VALIDATION_FAILED",
                "GRAPHQL_PARSE_FAILED",
                "UNAUTHENTICATED",
                "FORBIDDEN",
                "RATE_LIMITED",
                "QUERY_TOO_LARGE",
                "OPERATION_RESOLUTION_FAILURE",
                "BAD_REQUEST",
              ].includes(String(error.extensions?.code));
            const callers = userError || inputErrorFromNeo4j(error.originalError) !== undefined;
            const away = !callers && serviceError(error.originalError, 0) !== undefined; // Neo4j down or slow: not a bug
            log[callers ? "debug" : away ? "warn" : "error"](
              {
                operation: request.operationName,
                code: error.extensions?.code,
                requestId: contextValue.requestId,
                // The database away is one line, not a driver stack per request.
                err: away ? { code: (error.originalError as { code?: string }).code } : (error.originalError ?? error),
              },
              error.message,
            );
          }
        },
        async willSendResponse() {
          log.debug({ operation: request.operationName, ms: Date.now() - started }, "graphql");
        },
      };
    },
  };
}
