import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships both index.mjs ("module") and index.js ("main"). Vite picks the .mjs for our own
// imports while @neo4j/graphql and Apollo (external CommonJS) require the .js: two instances, and
// graphql() then rejects a schema built by the other ("Cannot use GraphQLSchema from another
// module"). Node (tsx, npm start) always takes the .js, so tests resolve to it too.
const graphqlCommonJs = createRequire(import.meta.url).resolve("graphql");

// Three layers, each with its own script: unit (no database), int (the real Neo4j, embedded,
// started by tests/setup on free ports in a temporary folder), browser (Debian's Chromium through
// playwright-core, against the real server over that Neo4j).
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCommonJs }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["tests/int/**/*.int.test.ts"],
          globalSetup: ["tests/setup/neo4j-global-setup.ts"],
          // One Neo4j for every file; some files load seeds or stop a database of their own.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.browser.test.ts"],
          // One retry, for the machine’s hiccups (TEST_RETRY=0 shows them). The renderer crash once seen here ("Target crashed")
          // was a test returning a Cytoscape collection from page.evaluate (serialised with the whole
          // core behind it, 10 s of the renderer): evaluate callbacks return plain values or void.
          retry: Number(process.env.TEST_RETRY ?? 1),
          globalSetup: ["tests/setup/build-client-setup.ts", "tests/setup/neo4j-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
