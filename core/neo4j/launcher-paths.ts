import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the Maven module of the embedded Neo4j launcher lives, and what its build produces. */
export const launcherModuleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "embedded");

export const launcherPaths = {
  pom: path.join(launcherModuleDir, "pom.xml"),
  sources: path.join(launcherModuleDir, "src/main/java"),
  jar: path.join(launcherModuleDir, "target/neo4j-embedded.jar"),
  lib: path.join(launcherModuleDir, "target/lib"),
  plugins: path.join(launcherModuleDir, "target/plugins"),
  buildStamp: path.join(launcherModuleDir, "target/build.ok"),
};
