import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where `npm run build` puts the explorer (Vite's output, plus basemap.json). */
export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/client");
