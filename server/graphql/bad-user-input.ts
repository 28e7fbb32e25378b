import { GraphQLError } from "graphql";

/** An error in what the user asked, with the argument at fault and anything that helps them fix it. */
export function badUserInput(message: string, argument: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument, ...extensions } });
}
