import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import { createResolvers } from "./resolvers/query-resolvers.ts";
import type { Services } from "./resolvers/services.ts";

export const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "schema.graphql");

/** The executable schema: generated read API from schema.graphql, plus the custom query resolvers. */
export async function buildSchema(services: Services): Promise<GraphQLSchema> {
  const neoSchema = new Neo4jGraphQL({
    typeDefs: fs.readFileSync(schemaFile, "utf8"),
    driver: services.driver,
    resolvers: createResolvers(services),
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  return neoSchema.getSchema();
}
