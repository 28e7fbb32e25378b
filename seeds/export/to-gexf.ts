import { attributeValue, toXml, edgeAttributeTypes, nodeAttributeTypes, type AttributeType } from "./xml-attributes.ts";
import { edgeId, nodeAttributes, relationshipAttributes } from "./flatten.ts";
import { exportId, type WholeGraph } from "./read-graph.ts";

const gexfType: Record<AttributeType, string> = { string: "string", int: "integer", double: "double", boolean: "boolean" };

/** GEXF 1.3, Gephi's own format: declared node and edge attributes, labels, directed edges. */
export function toGexf(graph: WholeGraph, exportedAt = new Date()): string {
  const nodeRows = graph.nodes.map(nodeAttributes);
  const edgeRows = graph.relationships.map(relationshipAttributes);
  const nodeDeclared = [...nodeAttributeTypes(nodeRows)].filter(([name]) => name !== "label"); // the node's own label attribute
  const edgeDeclared = [...edgeAttributeTypes(edgeRows)];
  const nodeIndex = new Map(nodeDeclared.map(([name], i) => [name, String(i)]));
  const edgeIndex = new Map(edgeDeclared.map(([name], i) => [name, String(i)]));
  const attvalues = (index: Map<string, string>, row: Record<string, unknown>) => ({
    attvalue: Object.entries(row)
      .filter(([name, value]) => index.has(name) && value !== null && value !== undefined)
      .map(([name, value]) => ({ "@for": index.get(name), "@value": attributeValue(value) })),
  });
  const document = {
    "?xml": { "@version": "1.0", "@encoding": "UTF-8" },
    gexf: {
      "@xmlns": "http://gexf.net/1.3",
      "@xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@xsi:schemaLocation": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
      "@version": "1.3",
      meta: {
        "@lastmodifieddate": exportedAt.toISOString().slice(0, 10),
        creator: "alliance-graph",
        description: "Alliance de la Fabrique des transitions",
      },
      graph: {
        "@defaultedgetype": "directed",
        "@mode": "static",
        attributes: [
          {
            "@class": "node",
            attribute: nodeDeclared.map(([name, type]) => ({ "@id": nodeIndex.get(name), "@title": name, "@type": gexfType[type] })),
          },
          {
            "@class": "edge",
            attribute: edgeDeclared.map(([name, type]) => ({ "@id": edgeIndex.get(name), "@title": name, "@type": gexfType[type] })),
          },
        ],
        nodes: {
          node: graph.nodes.map((node, i) => ({
            "@id": exportId(node.label, node.slug),
            "@label": attributeValue(nodeRows[i]!.label),
            attvalues: attvalues(nodeIndex, nodeRows[i]!),
          })),
        },
        edges: {
          edge: graph.relationships.map((relationship, i) => ({
            "@id": edgeId(relationship, i),
            "@source": exportId(relationship.fromLabel, relationship.fromSlug),
            "@target": exportId(relationship.toLabel, relationship.toSlug),
            "@label": relationship.type,
            attvalues: attvalues(edgeIndex, edgeRows[i]!),
          })),
        },
      },
    },
  };
  return toXml(document);
}
