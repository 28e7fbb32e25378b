import fs from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { provenanceOperations } from "../../core/generate/provenance-queries.ts";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { buildSchema } from "../../server/graphql/build-schema.ts";
import { queryProtection } from "../../server/graphql/query-limits.ts";
import { readConfig } from "../../core/config.ts";

// The schema the server serves (its driver never connects: building the schema needs no database).
const schema = await buildSchema({
  driver: neo4j.driver("bolt://127.0.0.1:9"),
  database: "neo4j",
  gazetteer: new Gazetteer(readGazetteerFile()),
});
const dir = "client/src/api/operations";
const fragments = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".fragment.graphql"))
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
/** The fragments an operation spreads, sent with it as the API client sends them. */
const withFragments = (text: string): string =>
  [text, ...fragments.filter((fragment) => text.includes(`...${/fragment (\w+)/.exec(fragment)![1]}`))].join("\n");
const operations = [
  ...fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".graphql") && !f.endsWith(".fragment.graphql"))
    .map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")] as const),
  ...provenanceOperations().map((o) => [o.name, o.text] as const),
];

describe("the explorer's GraphQL operations", () => {
  it("are there: one per call of the API client, one per kind with sources", () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it.each(operations)("%s is valid against the schema the server serves", (_name, text) => {
    const document = parse(withFragments(text));
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  // The query limits' defaults (core/config.ts) leave the page's operations room: each passes three
  // levels shallower, and at half the aliases, tokens and cost.
  const defaults = readConfig({}).queryLimits;
  const halfLimits = queryProtection({
    maxDepth: defaults.maxDepth - 3,
    maxAliases: Math.floor(defaults.maxAliases / 2),
    maxTokens: Math.floor(defaults.maxTokens / 2),
    maxCost: Math.floor(defaults.maxCost / 2),
  });
  it.each(operations)("%s is well within the query limits", (_name, text) => {
    const document = parse(withFragments(text));
    expect(validate(schema, document, halfLimits.validationRules).map((e) => e.message)).toEqual([]);
    expect(
      withFragments(text)
        .split(/[\s,]+|(?=[{}():$!])/)
        .filter(Boolean).length,
    ).toBeLessThan(defaults.maxTokens / 2);
  });
});
