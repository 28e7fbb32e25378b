import { entityKinds, labels } from "../model/index.ts";

const header = "// Generated from core/model by `npm run generate`: edit the model, not this file.";

/**
 * The provenance of an entity (its sources, the fields each gave, the quotes) comes from the generated
 * read API, through the kind's own query field: one operation per kind that has sources.
 */
export function provenanceOperations(): { kind: string; name: string; text: string }[] {
  return labels
    .filter((label) => entityKinds[label].sourced)
    .map((label) => {
      const { kind, query } = entityKinds[label];
      const name = `Provenance${label}`;
      return {
        kind,
        name,
        text: `query ${name}($slug: String!) { ${query}(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }`,
      };
    });
}

/** client/src/api/__generated__/provenance-queries.ts: each kind's provenance operation, for the API client. */
export function provenanceQueriesModule(): string {
  const operations = provenanceOperations();
  return [
    header,
    "",
    "/** The operation that reads an entity's sources, per kind (the answer's field is the kind's query field). */",
    "export const provenanceQueries = {",
    ...operations.map(
      (o) => `  ${o.kind}: { field: ${JSON.stringify(o.text.match(/\{ (\w+)\(/)![1])}, query: ${JSON.stringify(o.text)} },`,
    ),
    "} as const;",
    "",
  ].join("\n");
}
