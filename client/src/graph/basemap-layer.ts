import type { Core } from "cytoscape";
import { kmToModel, project } from "./projection.ts";

export interface BasemapData {
  outline: [number, number][][];
  regionBorders: [[number, number], [number, number]][];
  regions: { code: string; name: string; longitude: number; latitude: number }[];
  credits: string;
}

export interface Circle {
  longitude: number;
  latitude: number;
  radiusKm: number;
}

/**
 * Draws France and its régions on a canvas under the graph, in the map layout's projection,
 * following Cytoscape's pan and zoom; also the circle of an "allies near" search.
 */
export class BasemapLayer {
  private readonly canvas: HTMLCanvasElement;
  private visible = false;
  private circle: Circle | null = null;

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly data: BasemapData,
  ) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "basemap";
    this.canvas.setAttribute("aria-hidden", "true");
    container.prepend(this.canvas);
    cy.on("viewport resize", () => this.draw());
    window.addEventListener("resize", () => this.draw());
  }

  show(visible: boolean): void {
    this.visible = visible;
    this.canvas.hidden = !visible;
    this.draw();
  }

  setCircle(circle: Circle | null): void {
    this.circle = circle;
    this.draw();
  }

  draw(): void {
    if (!this.visible) return;
    const { canvas, cy } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = cy.width();
    const height = cy.height();
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const context = canvas.getContext("2d");
    if (!context) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const toScreen = (lon: number, lat: number): [number, number] => {
      const p = project(lon, lat);
      return [p.x * zoom + pan.x, p.y * zoom + pan.y];
    };
    context.fillStyle = "#eef3f1";
    context.strokeStyle = "#8aa39a";
    context.lineWidth = 1.2;
    for (const ring of this.data.outline) {
      context.beginPath();
      ring.forEach(([lon, lat], i) => (i === 0 ? context.moveTo(...toScreen(lon, lat)) : context.lineTo(...toScreen(lon, lat))));
      context.closePath();
      context.fill();
      context.stroke();
    }
    context.strokeStyle = "#b9c8c2";
    context.lineWidth = 1;
    context.beginPath();
    for (const [[lon1, lat1], [lon2, lat2]] of this.data.regionBorders) {
      context.moveTo(...toScreen(lon1, lat1));
      context.lineTo(...toScreen(lon2, lat2));
    }
    context.stroke();
    if (zoom > 0.15) {
      context.fillStyle = "#7d948b";
      context.font = "12px system-ui, sans-serif";
      context.textAlign = "center";
      for (const region of this.data.regions) context.fillText(region.name, ...toScreen(region.longitude, region.latitude));
    }
    if (this.circle) {
      const [x, y] = toScreen(this.circle.longitude, this.circle.latitude);
      context.beginPath();
      context.arc(x, y, kmToModel(this.circle.radiusKm) * zoom, 0, 2 * Math.PI);
      context.fillStyle = "rgba(213, 94, 0, 0.08)";
      context.strokeStyle = "#D55E00";
      context.lineWidth = 2;
      context.fill();
      context.stroke();
    }
  }
}
