import cytoscape, { type Core } from "cytoscape";
import fcose from "cytoscape-fcose";
import { SigmaView } from "../graph/sigma-view.ts";
import { stylesheet } from "../graph/stylesheet.ts";

cytoscape.use(fcose);

export type RendererChoice = "canvas" | "webgl" | "sigma";

/**
 * Above this many elements the explorer draws with sigma.js (graph/sigma-view.ts): from there,
 * Cytoscape's canvas takes about three times as long to first frame (npm run bench, client part:
 * 3.8 s against 1.3 s at 10 000 elements, 16 s against 3.5 s at 50 000), and the canvas keeps its
 * shapes, borders, arrows and edge captions where they can be read.
 */
export const largeSlice = 4000;

/**
 * Which renderer draws `elements` elements: the URL's ?renderer= when it names one, else sigma.js
 * for a large slice (where WebGL exists), else Cytoscape's canvas.
 */
export function chooseRenderer(asked: string | null, elements: number): RendererChoice {
  if (asked === "canvas" || asked === "webgl") return asked;
  if ((asked === "sigma" || elements > largeSlice) && webglAvailable()) return "sigma";
  return "canvas";
}

/**
 * The Cytoscape instance, and the sigma.js view that draws it when `renderer` is "sigma": Cytoscape
 * is then headless (the model the explorer's features work on) and sigma draws. "webgl" asks for
 * Cytoscape's WebGL renderer (experimental since 3.31): used only where WebGL2 is drawn by a GPU,
 * else the canvas renderer.
 */
export function createCy(container: HTMLElement, renderer: RendererChoice): { cy: Core; sigma: SigmaView | null } {
  const options = {
    container,
    style: stylesheet(),
    minZoom: 0.02,
    maxZoom: 4,
    textureOnViewport: true, // pan and zoom a snapshot on big graphs, redraw when still
    hideEdgesOnViewport: false,
    pixelRatio: "auto" as const,
  };
  if (renderer === "sigma") {
    // Style on (":visible", bounding boxes for fit and the animation loop need it), with only the
    // rule that hides: sigma-look.ts reads the same data and classes as the full stylesheet.
    const cy = cytoscape({
      container,
      headless: true,
      styleEnabled: true,
      style: [{ selector: ".hidden", style: { display: "none" } }],
      minZoom: options.minZoom,
      maxZoom: options.maxZoom,
    });
    container.dataset.renderer = "sigma";
    return { cy, sigma: new SigmaView(cy, container) };
  }
  if (renderer === "webgl" && hardwareWebgl2()) {
    try {
      const cy = cytoscape({ ...options, webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } as never);
      container.dataset.renderer = "webgl";
      return { cy, sigma: null };
    } catch (error) {
      console.warn("WebGL renderer unavailable, falling back to canvas", error);
    }
  }
  container.dataset.renderer = "canvas";
  return { cy: cytoscape(options), sigma: null };
}

function webglAvailable(): boolean {
  const canvas = document.createElement("canvas");
  return Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
}

/** WebGL2 drawn by a GPU: a software implementation (SwiftShader, llvmpipe) is slower than the canvas. */
function hardwareWebgl2(): boolean {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
}
