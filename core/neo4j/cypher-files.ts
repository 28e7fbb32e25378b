import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../cypher");

/** Splits a .cypher file into statements: `;` at end of line ends one, `//` lines are comments. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\/\//.test(line)) continue;
    current.push(line);
    if (/;\s*$/.test(line)) {
      statements.push(current.join("\n").replace(/;\s*$/, "").trim());
      current = [];
    }
  }
  const rest = current.join("\n").trim();
  if (rest) statements.push(rest);
  return statements.filter(Boolean);
}

const queries = new Map<string, string>();

/**
 * Reads one named query, e.g. readQuery("queries/allies-near") for cypher/queries/allies-near.cypher;
 * read from disk once, then from memory (resolvers ask for it on every request).
 */
export function readQuery(name: string): string {
  let query = queries.get(name);
  if (query === undefined) {
    const statements = splitStatements(fs.readFileSync(path.join(cypherDir, `${name}.cypher`), "utf8"));
    if (statements.length !== 1) throw new Error(`cypher/${name}.cypher must hold exactly one statement, not ${statements.length}`);
    query = statements[0]!;
    queries.set(name, query);
  }
  return query;
}

/** A piece of query from cypher/fragments/ (its `//` comment lines left out), for cypher-template.ts to insert. */
export function readFragment(name: string): string {
  let fragment = fragmentCache.get(name);
  if (fragment === undefined) {
    const text = fs.readFileSync(path.join(cypherDir, "fragments", `${name}.cypher`), "utf8");
    fragment = text
      .split(/\r?\n/)
      .filter((line) => !/^\s*\/\//.test(line))
      .join("\n")
      .trim();
    fragmentCache.set(name, fragment);
  }
  return fragment;
}
const fragmentCache = new Map<string, string>();

export function listCypherFiles(folder: string): string[] {
  const dir = path.join(cypherDir, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .sort()
    .map((name) => path.join(dir, name));
}
