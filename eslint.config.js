// typescript-eslint's recommended rules, prettier for layout, and the direction between folders:
// core/ ← seeds/ ← server/, bench/ and tests/ above them; the explorer (client/) takes from core/ only
// what runs in a browser (the model, ids, locales, the API's error reasons).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const folder = (name) => [`**/${name}/**`, `../${name}/*`];
const restrict = (folders, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: folders.flatMap(folder), message }] }],
});

export default defineConfig(
  { ignores: ["node_modules/", "dist/", ".cache/", ".neo4j/", "test-results/", "core/neo4j/embedded/target/", "**/__generated__/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["core/**"],
    rules: restrict(
      ["server", "seeds", "client", "bench", "tests"],
      "core/ is the lowest layer: it imports no other folder of the project.",
    ),
  },
  { files: ["seeds/**"], rules: restrict(["server", "client", "bench", "tests"], "seeds/ imports only core/.") },
  { files: ["server/**"], rules: restrict(["client", "bench", "tests"], "server/ is the API process: it imports core/ and seeds/ only.") },
  { files: ["bench/**"], rules: restrict(["tests"], "bench/ does not import tests/: shared helpers live in core/dev/.") },
  {
    files: ["client/**"],
    languageOptions: { globals: globals.browser },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "**/seeds/**", "**/bench/**", "**/tests/**"],
              message: "The explorer talks to the server over HTTP only.",
            },
            {
              group: [
                "**/core/*",
                "!**/core/model",
                "!**/core/ids.ts",
                "!**/core/locales",
                "!**/core/api-errors.ts",
                "!**/core/roles.ts",
                "!**/core/text",
                "!**/core/views",
                "!**/core/import-preview.ts",
              ],
              message:
                "The explorer takes from core/ only what runs in a browser: the model, ids, locales, API error reasons, view keys, the import preview's shape.",
            },
          ],
        },
      ],
    },
  },
  { files: ["tests/**", "bench/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
