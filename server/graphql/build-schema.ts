import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import { createResolvers } from "./resolvers/query-resolvers.ts";
import type { Services } from "./resolvers/services.ts";
import { cacheTranslations, type TranslationCacheStats } from "./translation-cache.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The schema's files: the node types generated from core/model, then the custom queries. */
export const schemaFiles = [path.join(here, "__generated__/model.graphql"), path.join(here, "schema.graphql")];

/**
 * The executable schema: generated read API from the model's node types, plus the custom query
 * resolvers; the generated queries' Cypher translated once per shape (translation-cache.ts) unless
 * `cacheTranslations` is false.
 */
export async function buildSchema(
  services: Services,
  options: { cacheTranslations?: boolean; translationStats?: TranslationCacheStats } = {},
): Promise<GraphQLSchema> {
  const resolvers = createResolvers(services);
  const neoSchema = new Neo4jGraphQL({
    typeDefs: schemaFiles.map((file) => fs.readFileSync(file, "utf8")),
    driver: services.driver,
    resolvers,
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
  const schema = await neoSchema.getSchema();
  if (options.cacheTranslations ?? true)
    cacheTranslations(schema, services.driver, new Set(Object.keys(resolvers.Query)), options.translationStats);
  return schema;
}
