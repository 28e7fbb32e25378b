import { defineConfig } from "vite";

// The explorer: built into dist/client, which the API server serves with the permalinks.
// `npx vite --config client/vite.config.ts` runs it against `npm start` on port 4000.
export default defineConfig({
  root: "client",
  base: "/",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // GraphiQL's page (ide.html) carries Monaco, a few MB: it is loaded only at /graphql, never by the explorer.
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: { explorer: "client/index.html", ide: "client/ide.html" },
      // GraphiQL's React packages start with "use client" (a React Server Components hint): meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:4000", "/health": "http://127.0.0.1:4000" },
  },
});
