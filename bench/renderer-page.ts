import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export interface RendererPage {
  url: string;
  /** Writes the elements the page draws next (the overview's answer, as the explorer receives it). */
  setElements(elements: unknown): void;
  close(): Promise<void>;
}

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "renderers");

/**
 * bench/renderers/ built by Vite into a temporary folder and served on 127.0.0.1: a page that
 * draws data.json with the renderer its URL names (?renderer=sigma|cytoscape-canvas|cytoscape-webgl).
 */
export async function startRendererPage(): Promise<RendererPage> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-renderers-"));
  await build({ root, base: "./", logLevel: "warn", build: { outDir, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 } });
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? "/", "http://x").pathname.replace(/^\/+/, "") || "index.html";
    const file = path.join(outDir, path.normalize(name));
    if (!file.startsWith(outDir) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    setElements: (elements) => fs.writeFileSync(path.join(outDir, "data.json"), JSON.stringify(elements)),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
