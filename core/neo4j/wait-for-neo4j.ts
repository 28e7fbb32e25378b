import type { Driver } from "neo4j-driver";

/** Waits until Neo4j answers a query (a freshly started or restarted server may refuse for a moment). */
export async function waitForNeo4j(driver: Driver, database: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.executeQuery("RETURN 1", {}, { database });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
