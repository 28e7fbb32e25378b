import type { Database } from "../../core/neo4j/open-database.ts";

/**
 * Every node and relationship with every property, in a stable order: two equal snapshots are the
 * same graph. The system nodes (version counter, accounts, change records and their keys) are no part of the alliance.
 */
export async function graphSnapshot(database: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const options = { database: database.database };
  const nodes = await database.driver.executeQuery(
    "MATCH (n) WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping RETURN labels(n) AS labels, properties(n) AS props",
    {},
    options,
  );
  const relationships = await database.driver.executeQuery(
    "MATCH (a)-[r]->(b) WHERE NOT a:GraphVersion|Account|Change|ChangeKey|ImportMapping RETURN type(r) AS type, labels(a)[0] + '/' + a.slug AS from, labels(b)[0] + '/' + b.slug AS to, properties(r) AS props",
    {},
    options,
  );
  const stable = (value: unknown): string =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
    );
  return {
    nodes: nodes.records.map((r) => stable({ labels: r.get("labels"), props: r.get("props") })).sort(),
    relationships: relationships.records
      .map((r) => stable({ type: r.get("type"), from: r.get("from"), to: r.get("to"), props: r.get("props") }))
      .sort(),
  };
}

/**
 * Every property's Cypher type ("Territory/vimy.areaKm2: FLOAT NOT NULL"), system nodes left out:
 * JSON snapshots read a whole FLOAT as an integer, so round trips check the types with this.
 */
export async function propertyTypes(database: Database): Promise<string[]> {
  const { records } = await database.driver.executeQuery(
    `CALL () {
       MATCH (n) WHERE NOT n:GraphVersion|Account|Change|ChangeKey|ImportMapping
       UNWIND keys(n) AS k RETURN labels(n)[0] + '/' + n.slug + '.' + k + ': ' + valueType(n[k]) AS row
       UNION ALL
       MATCH (a)-[r]->(b) WHERE NOT a:GraphVersion|Account|Change|ChangeKey|ImportMapping UNWIND keys(r) AS k
       RETURN type(r) + '|' + a.slug + '|' + b.slug + '|' + coalesce(toString(r.season), '') + '.' + k + ': ' + valueType(r[k]) AS row
     }
     RETURN row ORDER BY row`,
    {},
    { database: database.database },
  );
  return records.map((r) => r.get("row") as string);
}
