import { defineConfig } from "vitest/config";

// Three layers, each with its own script: unit (no database), int (the real Neo4j, embedded,
// started by tests/setup on free ports in a temporary folder), browser (added with the explorer).
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
    ],
  },
});
