import type { Core, NodeSingular, SingularElementArgument } from "cytoscape";
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import type { CameraState } from "sigma/types";
import { edgeLook, nodeLook, type LookSource } from "./sigma-look.ts";

/**
 * sigma.js (WebGL) drawing a headless Cytoscape instance: the explorer's large slices.
 *
 * Why: on 10 000 to 50 000 elements, Cytoscape's canvas renderer takes 3 to 5 times as long as
 * sigma.js to draw the same elements (npm run bench, client part). The explorer's features all work
 * on Cytoscape's model (elements, classes, selection, viewport, events), and tests and other tools
 * drive the page through `window.cy`; so Cytoscape stays the model, headless, and this view mirrors
 * it into a graphology graph that sigma draws:
 * - elements added, removed, moved, restyled (data, classes, selection) → graphology attributes
 *   (sigma-look.ts), batched to the next frame;
 * - Cytoscape's viewport (pan, zoom, fit, animations) → sigma's camera, and a drag or wheel in
 *   sigma → Cytoscape's viewport, so the basemap and everything that reads cy.zoom() follow;
 * - sigma's clicks and hovers → Cytoscape's tap, dbltap, mouseover and mouseout on the element.
 */
export class SigmaView {
  readonly graph = new MultiDirectedGraph();
  private sigma: Sigma | null = null;
  private readonly changed = new Set<SingularElementArgument>();
  private frame = 0;
  private applyingCamera = false;

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
  ) {
    // No "add" listener: Cytoscape calls one per element added (a third of a second at 15 000).
    // The explorer's commit(), which follows every addition, calls schedule(); flush compares counts.
    cy.on("position data class select unselect", (event) => {
      this.changed.add(event.target);
      this.schedule();
    });
    cy.on("remove", (event) => this.drop(event.target as SingularElementArgument));
    cy.on("viewport", () => this.cameraFromCy());
    // explorer/expand-focus.ts's nextRender asks the renderer to draw and waits for "render".
    (cy as unknown as { forceRender(): void }).forceRender = () => this.flush();
    new ResizeObserver(() => {
      cy.resize(); // Cytoscape measures the container again, and says "resize" (the basemap redraws)
      this.sigma?.resize();
      this.cameraFromCy();
    }).observe(container);
  }

  /** The drawing as a PNG: sigma's layers (edges, nodes, labels) on a white background. */
  png(scale = 2): Promise<Blob> {
    this.flush();
    const sigma = this.sigma!;
    sigma.refresh(); // WebGL canvases are read in the same task as they are drawn
    const { width, height } = sigma.getDimensions();
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const layer of Object.values(sigma.getCanvases())) context.drawImage(layer, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export failed")))));
  }

  /** Brings the drawing up to date at the next frame. */
  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Brings the graphology graph up to date with Cytoscape's, then draws (sigma is made on the first call). */
  private flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const graph = this.graph;
    const cy = this.cy;
    // Removals are mirrored as they happen (drop): more elements in Cytoscape means some were added.
    const added = new Set<string>();
    if (cy.nodes().length !== graph.order)
      cy.nodes().forEach((node) => {
        if (graph.hasNode(node.id())) return;
        graph.addNode(node.id(), nodeLook(lookSource(node), node.position()));
        added.add(node.id());
      });
    if (cy.edges().length !== graph.size)
      cy.edges().forEach((edge) => {
        if (graph.hasEdge(edge.id())) return;
        graph.addDirectedEdgeWithKey(edge.id(), edge.data("source"), edge.data("target"), edgeLook(lookSource(edge)));
        added.add(edge.id());
      });
    const changed = [...this.changed];
    this.changed.clear();
    for (const element of changed) {
      if (element.removed() || added.has(element.id())) continue;
      if (element.isNode() && graph.hasNode(element.id()))
        graph.mergeNodeAttributes(element.id(), nodeLook(lookSource(element), (element as NodeSingular).position()));
      else if (element.isEdge() && graph.hasEdge(element.id())) graph.mergeEdgeAttributes(element.id(), edgeLook(lookSource(element)));
    }
    if (!this.sigma) this.sigma = this.createSigma();
    else this.sigma.scheduleRender(); // graphology's events have asked for what changed; this draws even if nothing did (nextRender waits for it)
  }

  private drop(element: SingularElementArgument): void {
    if (element.isNode() ? this.graph.hasNode(element.id()) : this.graph.hasEdge(element.id())) {
      if (element.isNode()) this.graph.dropNode(element.id());
      else this.graph.dropEdge(element.id());
    }
    this.changed.delete(element);
  }

  private createSigma(): Sigma {
    // Made on an empty graph, framed and its camera placed, then given the graph: one processing of
    // the elements and one first frame, in place (a frame given after would apply at the next
    // processing, and move the picture).
    const sigma = new Sigma(new MultiDirectedGraph(), this.container, {
      // Sizes in the model's units, as Cytoscape's: a node grows as the view zooms in.
      itemSizesReference: "positions",
      zoomToSizeRatioFunction: (ratio) => ratio,
      // A fixed frame (below): sigma's camera then means the same view whatever the graph holds.
      autoRescale: false,
      // Straight lines of one pixel (gl.LINES): on tens of thousands of edges, half the time to
      // first frame of sigma's default rectangles, drawn here on a software WebGL (SwiftShader).
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram },
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelRenderedSizeThreshold: 9,
      // While the view moves: nodes only (edges and labels come back when it stops), as Cytoscape's
      // level of detail does on large graphs.
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      enableCameraRotation: false,
      zIndex: true,
      allowInvalidContainer: true,
    });
    sigma.setCustomBBox(normalisationBox);
    sigma.refresh(); // the frame applied, on the empty graph
    sigma.on("clickNode", ({ node, event }) => this.emit(this.cy.getElementById(node), "tap", event));
    sigma.on("doubleClickNode", ({ node, event }) => {
      event.preventSigmaDefault(); // a double click expands the entity, it does not zoom
      this.emit(this.cy.getElementById(node), "dbltap", event);
    });
    sigma.on("clickStage", ({ event }) => this.emit(this.cy, "tap", event));
    sigma.on("enterNode", ({ node, event }) => this.emit(this.cy.getElementById(node), "mouseover", event));
    sigma.on("leaveNode", ({ node, event }) => this.emit(this.cy.getElementById(node), "mouseout", event));
    sigma.on("afterRender", () => this.cy.emit("render"));
    this.panSnapshot(sigma);
    sigma.getCamera().on("updated", (state) => this.cyFromCamera(state));
    this.sigma = sigma;
    this.cameraFromCy();
    sigma.setGraph(this.graph); // processes every element and draws the first frame
    return sigma;
  }

  /**
   * While the view is dragged, the picture drawn before the drag moves as one (a CSS translation of
   * sigma's layers), as Cytoscape's textureOnViewport pans a snapshot; sigma draws again when the
   * drag ends. Drawing every node on each frame made the pan's p95 117 ms at 10 000 elements and
   * 617 ms at 50 000 on this machine's software WebGL (npm run bench, client part).
   */
  private panSnapshot(sigma: Sigma): void {
    const camera = sigma.getCamera();
    const captor = sigma.getMouseCaptor();
    const layers = Object.entries(sigma.getCanvases())
      .filter(([id]) => id !== "mouse") // the layer that takes the mouse stays where the mouse is
      .map(([, canvas]) => canvas);
    let drawn: CameraState = camera.getState(); // the camera of the picture on screen
    let dragging = false;
    sigma.on("afterRender", () => {
      drawn = camera.getState(); // a new picture, at the camera as it is: nothing to translate
      for (const layer of layers) layer.style.transform = "";
    });
    // sigma's own listener draws on every camera change: held back while a drag pans the snapshot.
    for (const draw of camera.listeners("updated") as ((state: CameraState) => void)[]) {
      camera.removeListener("updated", draw);
      camera.on("updated", (state: CameraState) => {
        dragging = captor.isMouseDown && state.ratio === drawn.ratio && state.angle === drawn.angle;
        if (!dragging) return draw(state);
        const then = sigma.graphToViewport({ x: 0, y: 0 }, { cameraState: drawn });
        const now = sigma.graphToViewport({ x: 0, y: 0 }, { cameraState: state });
        for (const layer of layers) layer.style.transform = `translate(${now.x - then.x}px, ${now.y - then.y}px)`;
      });
    }
    captor.on("mouseup", () => {
      if (!dragging) return;
      dragging = false;
      sigma.scheduleRender(); // the picture at the camera the drag left (the translation goes as it is drawn)
    });
  }

  private emit(target: Core | SingularElementArgument, type: string, at: { x: number; y: number }): void {
    const renderedPosition = { x: at.x, y: at.y };
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const position = { x: (at.x - pan.x) / zoom, y: (at.y - pan.y) / zoom };
    (target as Core).emit({ type, renderedPosition, position } as never);
  }

  /** Cytoscape's pan and zoom → sigma's camera: the same model point at the same pixel. */
  private cameraFromCy(): void {
    const sigma = this.sigma;
    if (!sigma || this.applyingCamera) return;
    const state = this.cameraFor(this.cy.zoom(), this.cy.pan());
    this.applyingCamera = true;
    sigma.getCamera().setState(state);
    this.applyingCamera = false;
  }

  /** sigma's camera (a drag, a wheel) → Cytoscape's pan and zoom. */
  private cyFromCamera(state: CameraState): void {
    if (this.applyingCamera || !this.sigma) return;
    const origin = this.sigma.graphToViewport({ x: 0, y: 0 }, { cameraState: state });
    const unit = this.sigma.graphToViewport({ x: 1, y: 0 }, { cameraState: state });
    const zoom = unit.x - origin.x;
    this.applyingCamera = true;
    this.cy.viewport({ zoom, pan: origin });
    this.applyingCamera = false;
    // Past Cytoscape's zoom bounds (minZoom, maxZoom), it keeps its zoom: the camera comes back to it.
    if (Math.abs(this.cy.zoom() - zoom) > 1e-9 * zoom) queueMicrotask(() => this.cameraFromCy());
  }

  /**
   * The camera state that puts model point (0, 0) at `pan` with `zoom` pixels per model unit.
   * sigma's camera is in its normalised ("framed") coordinates: the pixels per unit at ratio 1 are
   * measured once, then the camera's centre is the model point under the viewport's centre.
   */
  private cameraFor(zoom: number, pan: { x: number; y: number }): CameraState {
    const sigma = this.sigma!;
    const reference = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const a = sigma.graphToViewport({ x: 0, y: 0 }, { cameraState: reference });
    const b = sigma.graphToViewport({ x: 1, y: 0 }, { cameraState: reference });
    const ratio = (b.x - a.x) / zoom;
    const width = this.cy.width();
    const height = this.cy.height();
    const centre = { x: (width / 2 - pan.x) / zoom, y: -(height / 2 - pan.y) / zoom };
    const framed = sigma.viewportToFramedGraph(sigma.graphToViewport(centre, { cameraState: reference }), { cameraState: reference });
    return { x: framed.x, y: framed.y, ratio, angle: 0 };
  }
}

/** sigma's normalisation frame, fixed; any box would do, the camera is computed against it. */
const normalisationBox = { x: [-1000, 1000] as [number, number], y: [-1000, 1000] as [number, number] };

function lookSource(element: SingularElementArgument): LookSource {
  return { data: element.data() as Record<string, unknown>, classes: new Set(element.classes()), selected: element.selected() };
}
