import type { AddressInfo } from "node:net";
import { createApp } from "../../server/http/create-app.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import { testConfig, testGazetteer, testLog } from "./test-database.ts";

export interface TestApp {
  url: string; // http://127.0.0.1:<port>
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/** The real HTTP app (Express, Apollo, @neo4j/graphql) on a free port, over the given database. */
export async function startTestApp(database: Database, env: Record<string, string> = {}): Promise<TestApp> {
  const { httpServer, apollo } = await createApp(testConfig(env), database, testGazetteer(), testLog);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    async graphql(query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: any[] };
    },
    close: () => apollo.stop(),
  };
}
