import type { Request, Response } from "express";
import type { Driver } from "neo4j-driver";
import { RETRY_AFTER_SECONDS } from "./service-errors.ts";

const TIMEOUT_MS = 3000;

/**
 * GET /health: 200 {"status":"ok","neo4j":"up"} when the database answers, 503 with "down"
 * when it does not. Asks afresh every time, so it turns back to 200 as soon as Neo4j returns.
 */
export function healthHandler(driver: Driver, database: string, startedAt: number) {
  return async (_request: Request, response: Response): Promise<void> => {
    const started = Date.now();
    const neo4j = await pingNeo4j(driver, database);
    if (!neo4j.up) response.set("Retry-After", String(RETRY_AFTER_SECONDS));
    response
      .status(neo4j.up ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status: neo4j.up ? "ok" : "degraded",
        neo4j: neo4j.up ? "up" : "down",
        ...(neo4j.error ? { error: neo4j.error } : {}),
        database,
        responseMs: Date.now() - started,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
  };
}

/** One auto-commit query with a deadline: unlike executeQuery, no retry loop that would hang for 30 s. */
async function pingNeo4j(driver: Driver, database: string): Promise<{ up: boolean; error?: string }> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([session.run("RETURN 1"), timeout]);
    return { up: true };
  } catch (error) {
    return { up: false, error: (error as Error).message.split("\n")[0] };
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}
