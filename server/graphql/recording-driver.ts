import type { Driver } from "neo4j-driver";

/** One query @neo4j/graphql ran, as it sent it (with its CYPHER prefix) and its parameters. */
export interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * An execution context for @neo4j/graphql (context.executionContext: a driver, as far as it can
 * tell) that records what it is asked to run: through the real driver, or, with none, answering
 * nothing without running anything. The translation cache learns its plans with it; the benchmark
 * reads the Cypher its raw-driver baseline runs.
 */
export function recorder(driver: Driver | undefined): { driver: unknown; runs: Captured[] } {
  const runs: Captured[] = [];
  const recordingTx = (tx: { run(cypher: string, params: Record<string, unknown>): unknown } | undefined) => ({
    run(cypher: string, params: Record<string, unknown>) {
      runs.push({ cypher, params });
      return tx ? tx.run(cypher, params) : Promise.resolve({ records: [], summary: { counters: { updates: () => ({}) } } });
    },
  });
  type Work = (tx: unknown) => unknown;
  const session = (config: Record<string, unknown>) => {
    const real = driver?.session(config as never);
    return {
      executeRead: (work: Work, txConfig?: unknown) =>
        real ? real.executeRead((tx) => work(recordingTx(tx)), txConfig as never) : work(recordingTx(undefined)),
      executeWrite: (work: Work, txConfig?: unknown) =>
        real ? real.executeWrite((tx) => work(recordingTx(tx)), txConfig as never) : work(recordingTx(undefined)),
      close: () => real?.close() ?? Promise.resolve(),
    };
  };
  return { driver: { session, executeQueryBookmarkManager: driver?.executeQueryBookmarkManager }, runs };
}
