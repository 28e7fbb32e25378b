import neo4j from "neo4j-driver";
import { readQuery as readCypher } from "../../../core/neo4j/cypher-files.ts";

import { badUserInput, checkRange } from "../bad-user-input.ts";
import { kindOf, type Label } from "../../../core/model/index.ts";
import { toLuceneQuery } from "./lucene-query.ts";
import { readQuery, type Services } from "./services.ts";

/** search(text, limit): entities of every kind by name, title or alias, best first. */
export async function search(services: Services, args: { text: string; limit?: number | null }) {
  const limit = args.limit ?? 20;
  checkRange("limit", limit, 1, 100);
  if (args.text.length > 200) throw badUserInput("text-too-long", { argument: "text", max: 200 }, "text");
  const query = toLuceneQuery(args.text);
  if (!query) return [];
  const rows = await readQuery(services, readCypher("queries/search"), { query, limit: neo4j.int(limit) });
  return rows.map((row) => ({
    kind: kindOf[row.label as Label],
    slug: row.slug,
    name: row.name,
    subkind: row.subkind ?? null,
    score: row.score,
  }));
}
