import fs from "node:fs";
import { Kind as AstKind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from "graphql";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../core/generate/generated-files.ts";
import { graphqlType } from "../../core/generate/graphql-sdl.ts";
import {
  entityKinds,
  kinds,
  labels,
  langs,
  propertiesOf,
  provenanceRelationship,
  relationshipKinds,
  relationshipTypes,
  systemLabels,
  type Label,
  type Property,
} from "../../core/model/index.ts";
import { listCypherFiles, splitStatements } from "../../core/neo4j/cypher-files.ts";
import { schemaFiles } from "../../server/graphql/build-schema.ts";

describe("the model itself", () => {
  it("names every kind, property, relationship and value in every language, with unique keys", () => {
    expect(labels).toEqual(["Territory", "Ally", "Initiative", "Person", "Cohort", "Theme", "Source"]);
    const words: [string, Readonly<Record<string, string>>][] = [];
    for (const label of labels) {
      const kind = entityKinds[label];
      expect(kind.label).toBe(label);
      words.push([label, kind.names], [`${label} (plural)`, kind.plural]);
      for (const [name, property] of Object.entries(propertiesOf(label) as Record<string, Property>)) {
        words.push([`${label}.${name}`, property.names]);
        if (property.type === "enum")
          for (const value of property.values) words.push([`${label}.${name} = ${value}`, property.words[value]!]);
      }
    }
    for (const type of relationshipTypes) {
      expect(relationshipKinds[type].type).toBe(type);
      words.push([type, relationshipKinds[type].names]);
    }
    expect(words.length).toBeGreaterThan(80);
    for (const [what, names] of words) for (const lang of langs) expect(names[lang]?.trim(), `${what} in ${lang}`).toBeTruthy();
    for (const key of ["kind", "segment", "section", "query"] as const)
      expect(new Set(labels.map((l) => entityKinds[l][key])).size, key).toBe(labels.length);
  });

  it("joins only known kinds, and keys relationships on properties they have", () => {
    for (const type of relationshipTypes) {
      const relationship = relationshipKinds[type];
      expect(relationship.from.length * relationship.to.length, type).toBeGreaterThan(0);
      for (const label of [...relationship.from, ...relationship.to]) expect(labels, type).toContain(label);
      for (const key of relationship.key) expect(Object.keys(relationship.properties), `${type} key`).toContain(key);
    }
  });
});

describe("files generated from the model", () => {
  it.each(generatedFiles().map((g) => [g.file.replace(`${process.cwd()}/`, ""), g] as const))(
    "%s is up to date (else: npm run generate)",
    async (_name, { file, text }) => {
      expect(fs.readFileSync(file, "utf8")).toBe(await text());
    },
  );
});

/** Reads the SDL the server loads and compares it, type by type and field by field, with the model. */
describe("schema.graphql and the model agree", () => {
  const document = parse(schemaFiles.map((file) => fs.readFileSync(file, "utf8")).join("\n"));
  const objectTypes = new Map(
    document.definitions
      .filter((d): d is ObjectTypeDefinitionNode => d.kind === AstKind.OBJECT_TYPE_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const nodeTypes = [...objectTypes.values()].filter((t) => t.directives?.some((d) => d.name.value === "node"));
  const printType = (type: TypeNode): string =>
    type.kind === AstKind.NON_NULL_TYPE
      ? `${printType(type.type)}!`
      : type.kind === AstKind.LIST_TYPE
        ? `[${printType(type.type)}]`
        : type.name.value;
  const relationshipOf = (field: FieldDefinitionNode) => {
    const directive = field.directives?.find((d) => d.name.value === "relationship");
    if (!directive) return undefined;
    const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
    const value = (name: string) => {
      const v = argument(name);
      return v && (v.kind === AstKind.STRING || v.kind === AstKind.ENUM) ? v.value : undefined;
    };
    return { type: value("type"), direction: value("direction") };
  };

  it("has a node type for every kind and no other", () => {
    expect(nodeTypes.map((t) => t.name.value).sort()).toEqual([...labels].sort());
  });

  it.each(labels)("%s: every property of the model, with its type, and nothing else", (label: Label) => {
    const type = objectTypes.get(label)!;
    const computed = (f: { directives?: readonly { name: { value: string } }[] }) =>
      f.directives?.some((d) => d.name.value === "customResolver");
    const fields = new Map(
      (type.fields ?? []).filter((f) => !relationshipOf(f) && !computed(f)).map((f) => [f.name.value, printType(f.type)]),
    );
    const wanted = new Map(Object.entries(propertiesOf(label)).map(([name, property]) => [name, graphqlType(property)]));
    expect(wanted.size).toBeGreaterThan(1);
    expect(Object.fromEntries(fields)).toEqual(Object.fromEntries(wanted));
  });

  it("the entities of the network (the kinds a tie joins; themes and sources apart) have a computed metrics field, the others none", () => {
    const withMetrics = labels.filter((label) =>
      (objectTypes.get(label)!.fields ?? []).some((f) => f.name.value === "metrics" && printType(f.type) === "EntityMetrics"),
    );
    expect(withMetrics.sort()).toEqual(["Ally", "Cohort", "Initiative", "Person", "Territory"]);
  });

  it.each(labels)("%s: a relationship field for every relationship the model allows it, and nothing else", (label: Label) => {
    const type = objectTypes.get(label)!;
    const found = (type.fields ?? [])
      .map(relationshipOf)
      .filter((r) => r !== undefined)
      .map((r) => `${r.type} ${r.direction}`)
      .sort();
    const wanted: string[] = [];
    for (const relationshipType of relationshipTypes) {
      const { from, to } = relationshipKinds[relationshipType];
      if ((from as readonly string[]).includes(label)) wanted.push(`${relationshipType} OUT`);
      if ((to as readonly string[]).includes(label)) wanted.push(`${relationshipType} IN`);
    }
    if (entityKinds[label].sourced) wanted.push(`${provenanceRelationship.type} OUT`);
    expect(wanted.length).toBeGreaterThan(0);
    expect(found).toEqual(wanted.sort());
  });

  it("lists every kind in the EntityKind enum", () => {
    const enumType = document.definitions.find((d) => d.kind === AstKind.ENUM_TYPE_DEFINITION && d.name.value === "EntityKind");
    expect(enumType && "values" in enumType ? enumType.values?.map((v) => v.name.value) : undefined).toEqual(kinds);
  });
});

/** Reads cypher/schema/*.cypher and compares what it creates with what the model asks for. */
describe("cypher/schema and the model agree", () => {
  const statements = listCypherFiles("schema").flatMap((file) => splitStatements(fs.readFileSync(file, "utf8")));
  const created = statements.map((statement) => statement.replace(/\s+/g, " "));

  it("has a unique slug per kind, a point index per located kind, a range index per indexed property", () => {
    const wanted = [
      ...labels.map((label) => `CONSTRAINT FOR (n:${label}) REQUIRE n.slug IS UNIQUE`),
      ...labels.filter((label) => "location" in propertiesOf(label)).map((label) => `POINT INDEX FOR (n:${label}) ON (n.location)`),
      ...labels.flatMap((label) =>
        Object.entries(propertiesOf(label))
          .filter(([, property]) => property.index === "range")
          .map(([name]) => `INDEX FOR (n:${label}) ON (n.${name})`),
      ),
    ];
    const schemaObjects = created
      .filter((s) => !/FULLTEXT|GraphVersion|Account|ImportMapping|\(n:Change\)|\(n:ChangeKey\)/.test(s))
      .map((s) => s.replace(/^CREATE (CONSTRAINT|POINT INDEX|INDEX) \w+ IF NOT EXISTS /, "$1 "));
    expect(wanted.length).toBeGreaterThan(labels.length);
    expect(schemaObjects.sort()).toEqual(wanted.sort());
  });

  it("keys the system nodes: one version node, one account per username, one change per id, one node per key changes touched", () => {
    for (const wanted of [
      "FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE",
      "FOR (n:Account) REQUIRE n.username IS UNIQUE",
      "FOR (n:Change) REQUIRE n.id IS UNIQUE",
      "FOR (n:ChangeKey) REQUIRE n.key IS UNIQUE",
    ])
      expect(created.some((s) => s.startsWith("CREATE CONSTRAINT") && s.endsWith(wanted))).toBe(true);
  });

  it("searches every property the model marks `search`, on every kind that has one", () => {
    const fulltext = created.find((s) => s.startsWith("CREATE FULLTEXT INDEX entity_text"));
    expect(fulltext).toBeDefined();
    const [, labelList, propertyList] = /FOR \(n:([\w|]+)\) ON EACH \[([^\]]+)\]/.exec(fulltext!)!;
    const searched = labels.flatMap((label) =>
      Object.entries(propertiesOf(label))
        .filter(([, p]) => p.search)
        .map(([name]) => ({ label, name })),
    );
    expect(searched.length).toBeGreaterThan(0);
    expect(labelList!.split("|").sort()).toEqual([...new Set(searched.map((s) => s.label))].sort());
    expect(
      propertyList!
        .split(", ")
        .map((p) => p.replace(/^n\./, ""))
        .sort(),
    ).toEqual([...new Set(searched.map((s) => s.name))].sort());
  });
});

describe("queries that leave the system nodes out", () => {
  // Every `NOT n:GraphVersion|…` of the hand-written queries (and the tests' graph snapshot) names
  // every system label of the model: one forgotten lets accounts or change records into an export.
  const folders = ["load", "queries", "changes", "import", "backup"];
  const texts = [
    ...folders.flatMap((folder) => listCypherFiles(folder).map((file) => ({ file, text: fs.readFileSync(file, "utf8") }))),
    { file: "tests/helpers/graph-snapshot.ts", text: fs.readFileSync(new URL("../helpers/graph-snapshot.ts", import.meta.url), "utf8") },
  ];
  const lists = texts.flatMap(({ file, text }) =>
    [...text.matchAll(/NOT \w+:((?:\w+\|)+\w+)/g)].filter((m) => m[1]!.includes("GraphVersion")).map((m) => ({ file, list: m[1]! })),
  );

  it("name all of them", () => {
    expect(lists.length).toBeGreaterThan(5);
    expect(systemLabels).toContain("ChangeKey");
    for (const { file, list } of lists)
      expect({ file, labels: list.split("|").sort() }).toEqual({ file, labels: [...systemLabels].sort() });
  });
});
