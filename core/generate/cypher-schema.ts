import { entityKinds, labels, propertiesOf, systemNodes } from "../model/index.ts";

const header = "// Generated from core/model by `npm run generate`: edit the model, not this file.";

/** Snake case for schema object names: inseeCode → insee_code. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A system node's schema object name: Change, status → change_status. */
function systemName(label: string, property: string): string {
  return `${snake(label).replace(/^_/, "")}_${snake(property)}`;
}

/** cypher/schema/constraints.cypher: one unique slug per kind, and the system nodes' keys. */
export function constraintsCypher(): string {
  const lines = [
    header,
    "// One slug per entity and label: the stable key of permalinks and of every MERGE in the loader.",
    ...labels.map((label) => `CREATE CONSTRAINT ${entityKinds[label].kind}_slug IF NOT EXISTS FOR (n:${label}) REQUIRE n.slug IS UNIQUE;`),
    "// The system nodes: one version node (found by its id by every cached read), accounts, change records, the keys of what they touched.",
    ...systemNodes.map(
      ({ label, key }) => `CREATE CONSTRAINT ${systemName(label, key)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE;`,
    ),
  ];
  return lines.join("\n") + "\n";
}

/** cypher/schema/indexes.cypher: point indexes for locations, range indexes the model asks for, the fulltext index. */
export function indexesCypher(): string {
  const point = labels.filter((label) => "location" in propertiesOf(label));
  const range = labels.flatMap((label) =>
    Object.entries(propertiesOf(label))
      .filter(([, property]) => property.index === "range")
      .map(([name]) => ({ label, name })),
  );
  const searched = [
    ...new Set(
      labels.flatMap((label) =>
        Object.entries(propertiesOf(label))
          .filter(([, property]) => property.search)
          .map(([name]) => name),
      ),
    ),
  ];
  const searchedLabels = labels.filter((label) => Object.values(propertiesOf(label)).some((property) => property.search));
  const lines = [
    header,
    "// Point indexes serve `point.distance(n.location, $p) < $d` in allies-near.cypher and the",
    "// distance filters of the generated API.",
    ...point.map((label) => `CREATE POINT INDEX ${entityKinds[label].kind}_location IF NOT EXISTS FOR (n:${label}) ON (n.location);`),
    "",
    '// Range indexes for the properties the API filters or looks up by (index: "range" in the model),',
    "// and those system nodes are looked up by (`indexed` in the model).",
    ...range.map(
      ({ label, name }) => `CREATE INDEX ${entityKinds[label].kind}_${snake(name)} IF NOT EXISTS FOR (n:${label}) ON (n.${name});`,
    ),
    ...systemNodes.flatMap(({ label, indexed }) =>
      indexed.map((name) => `CREATE INDEX ${systemName(label, name)} IF NOT EXISTS FOR (n:${label}) ON (n.${name});`),
    ),
    "",
    "// Accent- and case-insensitive search over the properties marked `search` in the model, across kinds.",
    '// standard-folding = Lucene\'s standard tokenizer + lowercase + ASCII folding ("Extracités" -> "extracites").',
    "CREATE FULLTEXT INDEX entity_text IF NOT EXISTS",
    `FOR (n:${searchedLabels.join("|")})`,
    `ON EACH [${searched.map((name) => `n.${name}`).join(", ")}]`,
    "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };",
    "// Eventually consistent: a load of 100 000 entities commits without waiting for Lucene; the loader",
    "// then waits for the refresh (awaitEventuallyConsistentIndexRefresh), so search is never behind it.",
  ];
  return lines.join("\n") + "\n";
}
