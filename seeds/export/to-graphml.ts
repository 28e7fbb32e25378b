import { edgeId, nodeAttributes, relationshipAttributes } from "./flatten.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";
import { attributeTypes, attributeValue, xmlEscape } from "./xml.ts";

/** GraphML, as Gephi, yEd and Cytoscape desktop read it: typed keys for every property. */
export function toGraphml(graph: WholeGraph): string {
  const nodeRows = graph.nodes.map(nodeAttributes);
  const edgeRows = graph.relationships.map(relationshipAttributes);
  const nodeKeys = attributeTypes(nodeRows);
  const edgeKeys = attributeTypes(edgeRows);
  const keyId = (scope: "n" | "e", name: string) => `${scope}_${name}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...nodeKeys].map(([name, type]) => `  <key id="${keyId("n", xmlEscape(name))}" for="node" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`),
    ...[...edgeKeys].map(([name, type]) => `  <key id="${keyId("e", xmlEscape(name))}" for="edge" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`),
    '  <graph id="alliance" edgedefault="directed">',
  ];
  graph.nodes.forEach((node, i) => {
    lines.push(`    <node id="${xmlEscape(exportId(node.label, node.slug))}">`);
    for (const [name, value] of Object.entries(nodeRows[i]!)) {
      if (value !== null && value !== undefined) lines.push(`      <data key="${keyId("n", xmlEscape(name))}">${xmlEscape(attributeValue(value))}</data>`);
    }
    lines.push("    </node>");
  });
  graph.relationships.forEach((relationship, i) => {
    const source = xmlEscape(exportId(relationship.fromLabel, relationship.fromSlug));
    const target = xmlEscape(exportId(relationship.toLabel, relationship.toSlug));
    lines.push(`    <edge id="${xmlEscape(edgeId(relationship, i))}" source="${source}" target="${target}">`);
    for (const [name, value] of Object.entries(edgeRows[i]!)) {
      if (value !== null && value !== undefined) lines.push(`      <data key="${keyId("e", xmlEscape(name))}">${xmlEscape(attributeValue(value))}</data>`);
    }
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
