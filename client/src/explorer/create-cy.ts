import cytoscape, { type Core } from "cytoscape";
import fcose from "cytoscape-fcose";
import { stylesheet } from "../graph/stylesheet.ts";

cytoscape.use(fcose);

/**
 * The Cytoscape instance. `webgl` asks for Cytoscape's WebGL renderer (experimental since 3.31,
 * ?renderer=webgl): used only where WebGL2 exists, else the canvas renderer, which is the default.
 */
export function createCy(container: HTMLElement, webgl: boolean): Core {
  const options = {
    container,
    style: stylesheet(),
    minZoom: 0.02,
    maxZoom: 4,
    textureOnViewport: true, // pan and zoom a snapshot on big graphs, redraw when still
    hideEdgesOnViewport: false,
    pixelRatio: "auto" as const,
  };
  if (webgl && hardwareWebgl2()) {
    try {
      const cy = cytoscape({ ...options, webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } as never);
      container.dataset.renderer = "webgl";
      return cy;
    } catch (error) {
      console.warn("WebGL renderer unavailable, falling back to canvas", error);
    }
  }
  container.dataset.renderer = "canvas";
  return cytoscape(options);
}

/** WebGL2 drawn by a GPU: a software implementation (SwiftShader, llvmpipe) is slower than the canvas. */
function hardwareWebgl2(): boolean {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
}
