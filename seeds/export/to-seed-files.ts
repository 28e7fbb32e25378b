import { stringify } from "yaml";
import { entityKinds, givenPropertiesOf, labels, relationshipKinds, type Label, type RelationshipType } from "../../core/model/index.ts";
import type { GraphNode, WholeGraph } from "./read-graph.ts";

/**
 * The live graph as seed files the loader accepts: `sources.yaml` lists the sources, then one file per
 * source holds what it states — each entity with the properties that source gave (SOURCED_FROM's
 * fields) and its quotes, each relationship it states. What the loader derives from the gazetteer
 * (régions, coordinates of communes) is left out: loading the files derives it again.
 */
export function toSeedFiles(graph: WholeGraph): Map<string, string> {
  const files = new Map<string, string>();
  const nodes = new Map(graph.nodes.map((node) => [`${node.label}/${node.slug}`, node]));
  const labelsOfSlug = new Map<string, number>();
  for (const node of graph.nodes) labelsOfSlug.set(node.slug, (labelsOfSlug.get(node.slug) ?? 0) + 1);
  const ref = (label: Label, slug: string): string => ((labelsOfSlug.get(slug) ?? 0) > 1 ? `${label}/${slug}` : slug);

  const sources = graph.nodes.filter((node) => node.label === "Source");
  files.set(
    "sources.yaml",
    document("The documents the facts of the graph come from (exported from the graph).", undefined, {
      sources: sources.map((s) => given(s, undefined)),
    }),
  );

  const bySource = new Map<string, { entities: Map<Label, Record<string, unknown>[]>; relationships: Record<string, unknown>[] }>();
  const of = (source: string) => {
    let facts = bySource.get(source);
    if (!facts) bySource.set(source, (facts = { entities: new Map(), relationships: [] }));
    return facts;
  };
  for (const r of graph.relationships) {
    if (r.type === "SOURCED_FROM") {
      const node = nodes.get(`${r.fromLabel}/${r.fromSlug}`);
      if (!node) continue;
      const block = given(node, r.props.fields as string[]);
      if (Object.keys(block).length === 1) continue; // it gave only what the loader derives (the gazetteer's coordinates, régions)
      const quotes = (r.props.quotes as string[] | undefined) ?? [];
      if (quotes.length === 1) block.quote = quotes[0];
      else if (quotes.length > 1) block.quotes = quotes;
      const list = of(r.toSlug).entities.get(node.label) ?? [];
      list.push(block);
      of(r.toSlug).entities.set(node.label, list);
      continue;
    }
    if (!(r.type in relationshipKinds)) continue;
    const own = Object.keys(relationshipKinds[r.type as RelationshipType].properties);
    const item: Record<string, unknown> = { type: r.type, from: ref(r.fromLabel, r.fromSlug), to: ref(r.toLabel, r.toSlug) };
    for (const name of own) if (r.props[name] !== undefined && r.props[name] !== null) item[name] = r.props[name];
    if (r.props.quote) item.quote = r.props.quote;
    of(String(r.props.source)).relationships.push(item);
  }
  for (const [source, facts] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const sections: Record<string, unknown> = {};
    for (const label of labels) {
      const blocks = facts.entities.get(label);
      if (blocks?.length) sections[entityKinds[label].section] = blocks.sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
    }
    if (facts.relationships.length) sections.relationships = facts.relationships;
    files.set(`${source}.yaml`, document(`What the source "${source}" states (exported from the graph).`, source, sections));
  }
  return files;
}

/** An entity's properties that a seed file gives (only `fields`, when set), in the model's order. */
function given(node: GraphNode, fields: string[] | undefined): Record<string, unknown> {
  const block: Record<string, unknown> = { slug: node.slug };
  const properties = givenPropertiesOf(node.label);
  const derivedLocation = typeof node.props.locationPrecision === "string" && node.props.locationPrecision !== "seed";
  for (const name of Object.keys(properties)) {
    if (name === "slug" || name === "locationPrecision" || name === "locationApproximate") continue;
    if (name === "location" && derivedLocation) continue;
    if (fields && !fields.includes(name)) continue;
    const value = node.props[name];
    if (value !== undefined && value !== null) block[name] = value;
  }
  return block;
}

function document(comment: string, source: string | undefined, sections: Record<string, unknown>): string {
  return `# ${comment}\n` + stringify(source ? { source, ...sections } : sections, { lineWidth: 0 });
}
