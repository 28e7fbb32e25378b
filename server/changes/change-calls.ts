import type { DriverOptions } from "../../core/neo4j/create-driver.ts";
import type { GazetteerData } from "../../core/gazetteer/gazetteer-types.ts";
import type { FieldProblem } from "../../seeds/changes/change-input.ts";
import type { Changes } from "../../seeds/changes/change-service.ts";

/** What the change thread is started with: how to reach Neo4j, and what a ChangeService needs. */
export interface ChangeWorkerData {
  connection: DriverOptions;
  database: string;
  gazetteer: GazetteerData;
  sourcesDir: string;
  timeoutMs: number | undefined;
}

export interface ChangeCall {
  method: keyof Changes | "close";
  args: unknown[];
}

/** An error crossing the thread: a refusal's problems, a state error's change and status, a driver error's code. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  problems?: FieldProblem[];
  changeId?: string;
  status?: string;
}
