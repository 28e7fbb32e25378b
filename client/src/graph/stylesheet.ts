import type { StylesheetJson } from "cytoscape";
import { defaultEdgeColor, edgeStyles, kindStyles } from "./kind-styles.ts";

const dashedTypes = Object.entries(edgeStyles)
  .filter(([, style]) => style.dashed)
  .map(([type]) => type);

/** Cytoscape's stylesheet: shapes and colours by kind, labels hidden when too small to read. */
export function stylesheet(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": "system-ui, sans-serif",
        "font-size": 12,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": "140px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "2px",
        "min-zoomed-font-size": 9, // level of detail: no labels when zoomed out, where they cannot be read
        color: "#1d2733",
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    ...Object.entries(kindStyles).map(([kind, style]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: style.shape as never, "background-color": style.color, width: style.size, height: style.size },
    })),
    { selector: 'node[subkind = "région"], node[subkind = "network"]', style: { width: 44, height: 44 } },
    { selector: 'node[subkind = "département"], node[subkind = "intercommunalité"]', style: { width: 38, height: 38 } },
    // The *Affichage* panel (display-styling.ts): after the kinds' rules, which they override.
    { selector: "node[displaySize]", style: { width: "data(displaySize)", height: "data(displaySize)" } },
    { selector: "node[displayColor]", style: { "background-color": "data(displayColor)" } },
    {
      selector: "edge",
      style: {
        width: 1.6,
        "curve-style": "bezier",
        "line-color": defaultEdgeColor,
        "target-arrow-color": defaultEdgeColor,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        label: "data(caption)",
        "font-size": 10,
        color: "#4a5663",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        "min-zoomed-font-size": 11, // edge captions only when zoomed in
      },
    },
    ...Object.entries(edgeStyles)
      .filter(([, style]) => style.color !== defaultEdgeColor)
      .map(([type, style]) => ({
        selector: `edge[type = "${type}"]`,
        style: { "line-color": style.color, "target-arrow-color": style.color, width: 2.4 },
      })),
    { selector: dashedTypes.map((t) => `edge[type = "${t}"]`).join(", "), style: { "line-style": "dashed", width: 1.2 } },
    { selector: ".hidden", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.18 } },
    { selector: "node.outside-community", style: { opacity: 0.15, "text-opacity": 0 } },
    { selector: "edge.outside-community", style: { opacity: 0.08 } },
    { selector: "node.new", style: { "border-color": "#1d2733", "border-width": 4, "border-style": "double" } },
    { selector: "node.highlight", style: { "border-color": "#1d2733", "border-width": 3 } },
    { selector: "edge.highlight", style: { width: 3, opacity: 1, "min-zoomed-font-size": 6 } },
    {
      selector: "node:selected",
      style: { "border-color": "#000000", "border-width": 5, "overlay-opacity": 0.08, "font-weight": "bold", "z-index": 10 },
    },
    { selector: "edge:selected", style: { width: 4, label: "data(detail)", "min-zoomed-font-size": 4, "z-index": 10 } },
    {
      selector: "node.near",
      style: {
        "border-color": "#D55E00",
        "border-width": 6,
        label: "data(nearLabel)",
        "font-weight": "bold",
        "text-wrap": "wrap",
        "text-max-width": "220px",
        "min-zoomed-font-size": 0,
        "z-index": 20,
      },
    },
    { selector: "node.path", style: { "border-color": "#000000", "border-width": 5 } },
    {
      selector: "edge.path",
      style: { width: 5, "line-color": "#000000", "target-arrow-color": "#000000", "min-zoomed-font-size": 4, "z-index": 9 },
    },
    { selector: "node.approximate", style: { "border-style": "dashed", "border-color": "#6b7683" } },
  ];
}
