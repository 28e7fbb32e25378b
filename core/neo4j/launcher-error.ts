/** A problem starting the embedded Neo4j that the user can fix; the message says how. */
export class LauncherError extends Error {
  override name = "LauncherError";
}

export const useYourOwnNeo4j =
  "Or use a Neo4j of your own instead: NEO4J_URI=bolt://host:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=… npm start";
