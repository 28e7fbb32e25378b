import { edgeId, nodeAttributes, relationshipAttributes } from "./flatten.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";
import { attributeTypes, attributeValue, xmlEscape, type AttributeType } from "./xml.ts";

const gexfType: Record<AttributeType, string> = { string: "string", int: "integer", double: "double", boolean: "boolean" };

/** GEXF 1.3, Gephi's own format: declared node and edge attributes, labels, directed edges. */
export function toGexf(graph: WholeGraph, exportedAt = new Date()): string {
  const nodeRows = graph.nodes.map(nodeAttributes);
  const edgeRows = graph.relationships.map(relationshipAttributes);
  const nodeAttributesDeclared = [...attributeTypes(nodeRows)].filter(([name]) => name !== "label");
  const edgeAttributesDeclared = [...attributeTypes(edgeRows)];
  const nodeIndex = new Map(nodeAttributesDeclared.map(([name], i) => [name, String(i)]));
  const edgeIndex = new Map(edgeAttributesDeclared.map(([name], i) => [name, String(i)]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${exportedAt.toISOString().slice(0, 10)}"><creator>alliance-graph</creator><description>Alliance de la Fabrique des transitions</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...nodeAttributesDeclared.map(([name, type]) => `      <attribute id="${nodeIndex.get(name)}" title="${xmlEscape(name)}" type="${gexfType[type]}"/>`),
    "    </attributes>",
    '    <attributes class="edge">',
    ...edgeAttributesDeclared.map(([name, type]) => `      <attribute id="${edgeIndex.get(name)}" title="${xmlEscape(name)}" type="${gexfType[type]}"/>`),
    "    </attributes>",
    "    <nodes>",
  ];
  graph.nodes.forEach((node, i) => {
    const row = nodeRows[i]!;
    lines.push(`      <node id="${xmlEscape(exportId(node.label, node.slug))}" label="${xmlEscape(String(row.label))}">`, "        <attvalues>");
    for (const [name, value] of Object.entries(row)) {
      if (name !== "label" && value !== null && value !== undefined) lines.push(`          <attvalue for="${nodeIndex.get(name)}" value="${xmlEscape(attributeValue(value))}"/>`);
    }
    lines.push("        </attvalues>", "      </node>");
  });
  lines.push("    </nodes>", "    <edges>");
  graph.relationships.forEach((relationship, i) => {
    const source = xmlEscape(exportId(relationship.fromLabel, relationship.fromSlug));
    const target = xmlEscape(exportId(relationship.toLabel, relationship.toSlug));
    lines.push(`      <edge id="${xmlEscape(edgeId(relationship, i))}" source="${source}" target="${target}" label="${relationship.type}">`, "        <attvalues>");
    for (const [name, value] of Object.entries(edgeRows[i]!)) {
      if (value !== null && value !== undefined) lines.push(`          <attvalue for="${edgeIndex.get(name)}" value="${xmlEscape(attributeValue(value))}"/>`);
    }
    lines.push("        </attvalues>", "      </edge>");
  });
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}
