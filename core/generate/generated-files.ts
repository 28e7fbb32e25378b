import path from "node:path";
import { fileURLToPath } from "node:url";
import { constraintsCypher, indexesCypher } from "./cypher-schema.ts";
import { clientTypes } from "./client-types.ts";
import { modelSdl } from "./graphql-sdl.ts";
import { provenanceQueriesModule } from "./provenance-queries.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every file generated from the model, with what it must hold: `npm run generate` writes them, a test checks them. */
export function generatedFiles(): { file: string; text: () => string | Promise<string> }[] {
  return [
    { file: path.join(root, "server/graphql/__generated__/model.graphql"), text: modelSdl },
    { file: path.join(root, "cypher/schema/constraints.cypher"), text: constraintsCypher },
    { file: path.join(root, "cypher/schema/indexes.cypher"), text: indexesCypher },
    { file: path.join(root, "client/src/api/__generated__/provenance-queries.ts"), text: provenanceQueriesModule },
    { file: path.join(root, "client/src/api/__generated__/operations.ts"), text: () => clientTypes(root) },
  ];
}
