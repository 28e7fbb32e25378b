import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "../../core/logger.ts";

/** Logs each GraphQL operation with its duration, and its errors (user errors at debug level). */
export function loggingPlugin(log: Logger): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
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
              ].includes(String(error.extensions?.code));
            log[userError ? "debug" : "error"](
              { operation: request.operationName, code: error.extensions?.code, err: error.originalError ?? error },
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
