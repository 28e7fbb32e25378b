import { defineConfig } from "vitest/config";

// Three layers, each with its own script: unit (no database), int (the real Neo4j, embedded,
// started by tests/setup on free ports in a temporary folder), browser (Debian's Chromium through
// playwright-core, against the real server over that Neo4j).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
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
        test: {
          name: "browser",
          include: ["tests/browser/**/*.browser.test.ts"],
          globalSetup: ["tests/setup/build-client-setup.ts", "tests/setup/neo4j-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
