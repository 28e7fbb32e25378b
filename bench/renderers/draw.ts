/**
 * The benchmark's renderer page (bench/measure-renderers.ts): the explorer's overview elements, with
 * the server's positions, drawn by one renderer — sigma.js (graphology, WebGL, edges as lines), Cytoscape's canvas or
 * Cytoscape's WebGL — styled alike (colour by kind, one size, labels only when large enough to read).
 * Marks bench:data once the elements are parsed and bench:rendered once the first frame is drawn.
 */
import cytoscape from "cytoscape";
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import { kindColors } from "../../core/model/index.ts";

interface Elements {
  nodes: { data: { id: string; kind: string; label?: string }; position?: { x: number; y: number } }[];
  edges: { data: { id: string; source: string; target: string } }[];
}

const renderer = new URLSearchParams(location.search).get("renderer") ?? "sigma";
const container = document.getElementById("graph")!;
const colorOf = (kind: string): string => (kindColors as Record<string, string>)[kind] ?? "#777";
const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

const elements = (await (await fetch("data.json")).json()) as Elements;
performance.mark("bench:data");
if (renderer === "sigma") {
  const graph = new MultiDirectedGraph();
  for (const node of elements.nodes)
    graph.addNode(node.data.id, {
      x: node.position?.x ?? 0,
      y: -(node.position?.y ?? 0), // sigma's y axis points up, Cytoscape's down
      size: 4,
      color: colorOf(node.data.kind),
      label: node.data.label ?? node.data.id,
    });
  for (const edge of elements.edges)
    graph.addDirectedEdgeWithKey(edge.data.id, edge.data.source, edge.data.target, { size: 1, color: "#c7ccd1" });
  // Edges as one-pixel lines (gl.LINES), as the explorer draws them: sigma's default rectangles took
  // 1.7 times as long to first frame on 50 000 elements here (software WebGL).
  (window as any).sigma = new Sigma(graph, container, {
    labelRenderedSizeThreshold: 8,
    hideEdgesOnMove: true,
    defaultEdgeType: "line",
    edgeProgramClasses: { line: EdgeLineProgram },
  });
} else {
  (window as any).cy = cytoscape({
    container,
    elements: elements as never,
    layout: { name: "preset" },
    textureOnViewport: true,
    pixelRatio: "auto",
    ...(renderer === "cytoscape-webgl" ? { webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } : {}),
    style: [
      { selector: "node", style: { width: 8, height: 8, label: "data(label)", "font-size": 10, "min-zoomed-font-size": 8 } },
      ...Object.entries(kindColors).map(([kind, color]) => ({ selector: `node[kind = "${kind}"]`, style: { "background-color": color } })),
      { selector: "edge", style: { width: 1, "line-color": "#c7ccd1", "curve-style": "haystack" } },
    ],
  } as never);
}
await frame();
await frame(); // the first frame drawn, then presented
performance.mark("bench:rendered");
document.body.dataset.ready = "true";
