import { attributeValue, toXml, edgeAttributeTypes, nodeAttributeTypes } from "./xml-attributes.ts";
import { edgeId, nodeAttributes, relationshipAttributes } from "./flatten.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";

/** GraphML, as Gephi, yEd and Cytoscape desktop read it: typed keys for every property. */
export function toGraphml(graph: WholeGraph): string {
  const nodeRows = graph.nodes.map(nodeAttributes);
  const edgeRows = graph.relationships.map(relationshipAttributes);
  const nodeKeys = nodeAttributeTypes(nodeRows);
  const edgeKeys = edgeAttributeTypes(edgeRows);
  const data = (scope: "n" | "e", row: Record<string, unknown>) =>
    Object.entries(row)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => ({ "@key": `${scope}_${name}`, "#text": attributeValue(value) }));
  const document = {
    "?xml": { "@version": "1.0", "@encoding": "UTF-8" },
    graphml: {
      "@xmlns": "http://graphml.graphdrawing.org/xmlns",
      "@xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@xsi:schemaLocation": "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
      key: [
        ...[...nodeKeys].map(([name, type]) => ({ "@id": `n_${name}`, "@for": "node", "@attr.name": name, "@attr.type": type })),
        ...[...edgeKeys].map(([name, type]) => ({ "@id": `e_${name}`, "@for": "edge", "@attr.name": name, "@attr.type": type })),
      ],
      graph: {
        "@id": "alliance",
        "@edgedefault": "directed",
        node: graph.nodes.map((node, i) => ({ "@id": exportId(node.label, node.slug), data: data("n", nodeRows[i]!) })),
        edge: graph.relationships.map((relationship, i) => ({
          "@id": edgeId(relationship, i),
          "@source": exportId(relationship.fromLabel, relationship.fromSlug),
          "@target": exportId(relationship.toLabel, relationship.toSlug),
          data: data("e", edgeRows[i]!),
        })),
      },
    },
  };
  return toXml(document);
}
