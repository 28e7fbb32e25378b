import type { EmbeddedNeo4jConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "./start-embedded-neo4j.ts";

/**
 * Waits between restarts: the first (NEO4J_RESTART_DELAY_MS, 1 s by default), doubled after each
 * failed restart up to 30 s; back to the first once Neo4j has run a minute.
 */
export function restartDelay(first: number, failures: number): number {
  return Math.max(first, Math.min(30_000, first * 2 ** failures));
}
const STABLE_AFTER_MS = 60_000;

export interface SupervisedNeo4j extends EmbeddedNeo4j {
  /** How many times it was restarted after dying. */
  restarts(): number;
}

/**
 * The embedded Neo4j for `npm start`: if its JVM dies (killed, out of memory) the API stays up,
 * answers 503 meanwhile, and the JVM is started again on the same port and folder, with backoff,
 * each step logged. The driver reconnects by itself, so /health turns back to 200 without a person.
 */
export async function superviseEmbeddedNeo4j(
  config: EmbeddedNeo4jConfig,
  log: Logger,
  start: typeof startEmbeddedNeo4j = startEmbeddedNeo4j,
): Promise<SupervisedNeo4j> {
  let current = await start(config, log);
  let startedAt = Date.now();
  let stopping = false;
  let restarts = 0;
  let failures = 0;
  let pending: NodeJS.Timeout | undefined;
  let resolveExited!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => (resolveExited = resolve));

  const watch = (neo4j: EmbeddedNeo4j): void => {
    void neo4j.exited.then((code) => {
      if (stopping) return resolveExited(code);
      if (Date.now() - startedAt > STABLE_AFTER_MS) failures = 0;
      scheduleRestart(code === null ? "killed by a signal" : `exit ${code}`);
    });
  };
  const scheduleRestart = (why: string): void => {
    const delay = restartDelay(config.restartDelayMs ?? 1000, failures);
    failures++;
    log.error(
      { home: config.home, delayMs: delay },
      `The embedded Neo4j stopped unexpectedly (${why}); restarting it in ${delay / 1000} s`,
    );
    pending = setTimeout(() => void restart(), delay);
  };
  const restart = async (): Promise<void> => {
    pending = undefined;
    if (stopping) return;
    try {
      current = await start(config, log);
      startedAt = Date.now();
      restarts++;
      log.info({ restarts }, "The embedded Neo4j is back");
      if (stopping) await current.stop();
      else watch(current);
    } catch (error) {
      if (!stopping) scheduleRestart((error as Error).message.split("\n")[0]!);
    }
  };
  watch(current);

  return {
    get uri() {
      return current.uri;
    },
    home: config.home,
    exited,
    restarts: () => restarts,
    get pid() {
      return current.pid; // changes at each restart
    },
    stop: async () => {
      stopping = true;
      clearTimeout(pending);
      await current.stop();
      resolveExited(await current.exited);
    },
  };
}
