import { entityKinds, labels, tieTypes, type Label } from "../../../core/model/index.ts";
import { readQuery as readCypher } from "../../../core/neo4j/cypher-files.ts";
import { slugify } from "../../../core/text/normalize.ts";
import { summarize } from "../../../core/node-values.ts";
import { readQuery, type Services } from "./services.ts";

const sourcedLabels = labels.filter((label) => entityKinds[label].sourced);

type Row = {
  label: Label;
  slug: string;
  name: string;
  aliases: string[];
  withoutQuote: boolean;
  approximate: boolean;
  noTerritory: boolean;
  noTie: boolean;
};

/**
 * dataQuality: what an editor should look at. Entities with a fact no sentence supports,
 * territories placed approximately (a centroid), initiatives with no territory, allies with no tie,
 * and likely duplicates: entities of one kind whose names or aliases fold to the same words.
 */
export async function dataQuality(services: Services) {
  const rows = await readQuery<Row>(services, readCypher("queries/data-quality"), { labels: sourcedLabels, tieTypes });
  const summary = (row: Row) => summarize(row.label, { slug: row.slug, name: row.name });
  const byKey = new Map<string, Row[]>();
  for (const row of rows)
    for (const key of new Set([row.name, ...row.aliases].map((name) => `${row.label}|${slugify(name)}`)))
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
  const duplicates = [...byKey]
    .filter(([, group]) => new Set(group.map((row) => row.slug)).size > 1)
    .map(([key, group]) => ({
      key: key.split("|")[1]!,
      entities: [...new Map(group.map((row) => [row.slug, row])).values()].map(summary),
    }));
  return {
    withoutQuote: rows.filter((row) => row.withoutQuote).map(summary),
    approximatePlaces: rows.filter((row) => row.label === "Territory" && row.approximate).map(summary),
    initiativesWithoutTerritory: rows.filter((row) => row.noTerritory).map(summary),
    alliesWithoutTie: rows.filter((row) => row.noTie).map(summary),
    likelyDuplicates: duplicates,
  };
}
