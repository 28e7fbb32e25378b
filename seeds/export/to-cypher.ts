import fs from "node:fs";
import { listCypherFiles, readQuery } from "../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../core/neo4j/cypher-template.ts";
import { isRelationshipType, relationshipKinds } from "../../core/model/index.ts";
import type { WholeGraph } from "./read-graph.ts";

const BATCH = 500;

/**
 * A Cypher script that re-creates the graph: the schema of cypher/schema, then the nodes and the
 * relationships in batches of UNWIND … MERGE, so that running it twice changes nothing.
 * (A script file carries its data as literals; queries the app runs use $parameters.)
 */
export function toCypher(graph: WholeGraph, exportedAt = new Date()): string {
  const out: string[] = [
    `// Alliance graph, exported ${exportedAt.toISOString()}: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships.`,
    "// Run with cypher-shell -f, or statement by statement.",
    "",
  ];
  for (const file of listCypherFiles("schema")) out.push(fs.readFileSync(file, "utf8").trim(), "");
  const byLabel = new Map<string, WholeGraph["nodes"]>();
  for (const node of graph.nodes) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node]);
  for (const [label, nodes] of byLabel) {
    for (let i = 0; i < nodes.length; i += BATCH) {
      const rows = nodes.slice(i, i + BATCH).map((node) => {
        const { location, ...props } = node.props;
        return { slug: node.slug, props: new Typed(props, node.floats), location: location ?? null };
      });
      out.push(
        `UNWIND ${literal(rows)} AS row`,
        `MERGE (n:\`${label}\` {slug: row.slug})`,
        "SET n = row.props",
        "SET n.location = CASE WHEN row.location IS NULL THEN null ELSE point({latitude: row.location.latitude, longitude: row.location.longitude}) END;",
        "",
      );
    }
  }
  const groups = new Map<string, WholeGraph["relationships"]>();
  for (const r of graph.relationships) {
    const key = `${r.type}|${r.fromLabel}|${r.toLabel}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, relationships] of groups) {
    const [type, fromLabel, toLabel] = key.split("|") as [string, string, string];
    const keyProps: readonly string[] = isRelationshipType(type) ? relationshipKinds[type].key : [];
    const merge = keyProps.length ? ` {${keyProps.map((k) => `${k}: row.props.${k}`).join(", ")}}` : "";
    for (let i = 0; i < relationships.length; i += BATCH) {
      const rows = relationships.slice(i, i + BATCH).map((r) => ({ from: r.fromSlug, to: r.toSlug, props: new Typed(r.props, r.floats) }));
      out.push(
        `UNWIND ${literal(rows)} AS row`,
        `MATCH (a:\`${fromLabel}\` {slug: row.from}), (b:\`${toLabel}\` {slug: row.to})`,
        `MERGE (a)-[r:\`${type}\`${merge}]->(b)`,
        "SET r = row.props;",
        "",
      );
    }
  }
  // The history goes with the data: each change record, as the page and the tools wrote it.
  const changes = graph.changes ?? [];
  for (let i = 0; i < changes.length; i += BATCH) {
    out.push(
      `UNWIND ${literal(changes.slice(i, i + BATCH))} AS row`,
      "MERGE (c:Change {id: row.props.id})",
      "SET c = row.props",
      "SET c.createdAt = datetime(row.createdAt);",
      "",
    );
  }
  // Their links to the keys they touched, which history is read through (not exported: derived from the records).
  if (changes.length > 0) out.push(`${fillQuery("changes/link-change-keys", {})};`, "");
  // Like every load, the script moves the graph's version on: API caches must not answer from before it.
  out.push(`${readQuery("load/bump-graph-version")};`, "");
  return out.join("\n");
}

/**
 * Properties with the names of those stored as FLOAT: a whole float is written 12.0, not 12, so
 * that running the script gives back the same types (read from the database, not guessed from the
 * model: relationship properties and values written by hand keep theirs too).
 */
class Typed {
  constructor(
    readonly props: Record<string, unknown>,
    readonly floats: readonly string[] = [],
  ) {}
}

function float(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : literal(value);
}

/** A Cypher literal: strings quoted and escaped, maps with backticked keys where needed. */
export function literal(value: unknown): string {
  if (value instanceof Typed)
    return literalMap(value.props, (k, v) =>
      value.floats.includes(k) && typeof v === "number"
        ? float(v)
        : value.floats.includes(k) && Array.isArray(v)
          ? `[${v.map((item) => (typeof item === "number" ? float(item) : literal(item))).join(", ")}]`
          : literal(v),
    );
  if (value === null || value === undefined) return "null";
  if (typeof value === "string")
    return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'`;
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(value).includes("e") ? value.toExponential() : String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => literal(item)).join(", ")}]`;
  return literalMap(value as Record<string, unknown>, (_, v) => literal(v));
}

function literalMap(map: Record<string, unknown>, write: (key: string, value: unknown) => string): string {
  const entries = Object.entries(map).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, "``")}\``}: ${write(k, v)}`).join(", ")}}`;
}
