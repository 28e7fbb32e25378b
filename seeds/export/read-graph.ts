import type { Driver } from "neo4j-driver";
import { nodeIdOfLabel } from "../../core/ids.ts";
import type { Label } from "../../core/model/index.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { plainProperties } from "../../core/node-values.ts";

export interface GraphNode {
  label: Label;
  slug: string;
  props: Record<string, unknown>; // points as { latitude, longitude }
  floats?: string[]; // properties stored as FLOAT (a whole 12.0 reads as 12)
}

export interface GraphRelationship {
  type: string;
  fromLabel: Label;
  fromSlug: string;
  toLabel: Label;
  toSlug: string;
  props: Record<string, unknown>;
  floats?: string[];
}

export interface WholeGraph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  changes?: { props: Record<string, unknown>; createdAt: string }[]; // the change records (the Cypher export carries them)
}

/** The whole graph, every property, provenance links (SOURCED_FROM) included, in a stable order. */
export async function readGraph(driver: Driver, database: string): Promise<WholeGraph> {
  const nodes = await driver.executeQuery(readQuery("queries/export-nodes"), {}, { database, routing: "READ" });
  const relationships = await driver.executeQuery(readQuery("queries/export-relationships"), {}, { database, routing: "READ" });
  const changes = await driver.executeQuery(readQuery("queries/export-changes"), {}, { database, routing: "READ" });
  return {
    changes: changes.records.map((r) => {
      const { createdAt: _stored, ...props } = r.get("props") as Record<string, unknown>;
      return { props, createdAt: String(r.get("createdAt")) };
    }),
    nodes: nodes.records.map((r) => {
      const props = plainProperties(r.get("props"));
      return { label: r.get("label"), slug: String(props.slug), props, floats: r.get("floats") as string[] };
    }),
    relationships: relationships.records.map((r) => ({
      type: r.get("type"),
      fromLabel: r.get("fromLabel"),
      fromSlug: r.get("fromSlug"),
      toLabel: r.get("toLabel"),
      toSlug: r.get("toSlug"),
      props: plainProperties(r.get("props")),
      floats: r.get("floats") as string[],
    })),
  };
}

/** "ally:extracites": the id every export gives a node, as the explorer does. */
export function exportId(label: Label, slug: string): string {
  return nodeIdOfLabel(label, slug);
}
