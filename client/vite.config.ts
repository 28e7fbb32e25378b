import { defineConfig } from "vite";

// The explorer: built into dist/client, which the API server serves with the permalinks.
// `npx vite --config client/vite.config.ts` runs it against `npm start` on port 4000.
export default defineConfig({
  root: "client",
  base: "/",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:4000", "/health": "http://127.0.0.1:4000" },
  },
});
