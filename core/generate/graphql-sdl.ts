import {
  entityKinds,
  type EntityKindDefinition,
  kinds,
  labels,
  networkLabels,
  provenanceProperties,
  provenanceRelationship,
  relationshipKinds,
  relationshipTypes,
  type Label,
  type Property,
} from "../model/index.ts";

const header = `# Generated from core/model by \`npm run generate\`: edit the model, not this file.
# The node types give @neo4j/graphql 7 the read API (territories, allies, initiatives, people, cohorts,
# themes, sources) with its filters; server/graphql/schema.graphql adds the custom queries.
`;

/** The GraphQL type of a property, as @neo4j/graphql maps it to Neo4j. */
export function graphqlType(property: Property): string {
  const base = {
    string: "String",
    text: "String",
    url: "String",
    date: "String",
    enum: "String",
    int: "Int",
    year: "Int",
    float: "Float",
    boolean: "Boolean",
    strings: "[String!]",
    location: "Point",
  }[property.type];
  return property.required ? `${base}!` : base;
}

/** The node types, unions, relationship property types and the EntityKind enum of the model, as SDL. */
export function modelSdl(): string {
  const blocks = [header.trimEnd(), ...labels.map(nodeType), ...unions(), ...relationshipPropertyTypes(), entityKindEnum()];
  return blocks.join("\n\n") + "\n";
}

function nodeType(label: Label): string {
  const kind: EntityKindDefinition = entityKinds[label];
  const fields = Object.entries(kind.properties).map(([name, property]) => field(name, graphqlType(property), describe(property)));
  for (const type of relationshipTypes) {
    const relationship = relationshipKinds[type];
    const properties = relationship.graphql.properties;
    if ((relationship.from as readonly Label[]).includes(label)) {
      const target = relationship.to.length > 1 ? required(relationship.graphql, "toUnion", type) : relationship.to[0]!;
      fields.push(
        `  ${relationship.graphql.out}: [${target}!]! @relationship(type: "${type}", direction: OUT, properties: "${properties}")`,
      );
    }
    if ((relationship.to as readonly Label[]).includes(label)) {
      const origin = relationship.from.length > 1 ? required(relationship.graphql, "fromUnion", type) : relationship.from[0]!;
      fields.push(`  ${relationship.graphql.in}: [${origin}!]! @relationship(type: "${type}", direction: IN, properties: "${properties}")`);
    }
  }
  if (kind.sourced) {
    const { type, graphql } = provenanceRelationship;
    fields.push(`  ${graphql.out}: [Source!]! @relationship(type: "${type}", direction: OUT, properties: "${graphql.properties}")`);
  }
  // The network's structure (server/metrics), computed per graph version, not stored on the node.
  if (networkLabels.includes(label))
    fields.push(
      `  "degree, betweenness and community in the network of ties (null until computed for this graph version)"\n  metrics: EntityMetrics @customResolver(requires: "slug")`,
    );
  return `${blockDoc(kind.doc)}type ${label} @node @limit(default: 100, max: 1000) {\n${fields.join("\n")}\n}`;
}

function unions(): string[] {
  const result: string[] = [];
  for (const type of relationshipTypes) {
    const { graphql, from, to } = relationshipKinds[type];
    if ("fromUnion" in graphql && graphql.fromUnion)
      result.push(`"The sources of ${type}."\nunion ${graphql.fromUnion} = ${from.join(" | ")}`);
    if ("toUnion" in graphql && graphql.toUnion) result.push(`"The targets of ${type}."\nunion ${graphql.toUnion} = ${to.join(" | ")}`);
  }
  return result;
}

/** One @relationshipProperties type per shape; relationships that share a name must share the shape. */
function relationshipPropertyTypes(): string[] {
  const types = new Map<string, { body: string; by: string }>();
  for (const type of relationshipTypes) {
    const { graphql, properties } = relationshipKinds[type];
    const all: Record<string, Property> = { ...properties, ...provenanceProperties };
    const body = Object.entries(all)
      .map(([name, property]) => field(name, graphqlType(property), describe(property)))
      .join("\n");
    const known = types.get(graphql.properties);
    if (known && known.body !== body)
      throw new Error(`${type} and ${known.by} share the properties type ${graphql.properties} but not its shape`);
    if (!known) types.set(graphql.properties, { body, by: type });
  }
  const provenance = Object.entries(provenanceRelationship.properties)
    .map(([name, property]) => field(name, graphqlType(property), describe(property)))
    .join("\n");
  return [
    ...[...types].map(([name, { body }]) => `type ${name} @relationshipProperties {\n${body}\n}`),
    `"Which properties of an entity a source gave, and the sentences of the source that state them."\ntype ${provenanceRelationship.graphql.properties} @relationshipProperties {\n${provenance}\n}`,
  ];
}

function entityKindEnum(): string {
  return `"The kinds of entity, as the API, the permalinks and the explorer name them."\nenum EntityKind {\n${kinds.map((kind) => `  ${kind}`).join("\n")}\n}`;
}

function field(name: string, type: string, doc: string | undefined): string {
  return `${doc ? `  ${JSON.stringify(doc)}\n` : ""}  ${name}: ${type}`;
}

/** A property's description: its own, or for a list of values, the values. */
function describe(property: Property): string | undefined {
  if (property.doc) return property.doc;
  if (property.type === "enum") return `${property.values.slice(0, -1).join(", ")} or ${property.values.at(-1)}`;
  return undefined;
}

function blockDoc(doc: string | undefined): string {
  return doc ? `"""\n${doc}\n"""\n` : "";
}

function required<T extends object>(graphql: T, key: "fromUnion" | "toUnion", type: string): string {
  const value = (graphql as Record<string, unknown>)[key];
  if (typeof value !== "string") throw new Error(`${type} joins several kinds: give graphql.${key} in core/model`);
  return value;
}
