import type { FieldProblemReason } from "../../core/api-errors.ts";
import type { FieldProblem, OperationInput } from "./change-input.ts";
import type { GraphReader } from "./graph-reader.ts";

/** An update or a deletion names the version it read: refused, saying who changed what since, when it is not the current one. */
export async function checkVersion(
  graph: GraphReader,
  op: OperationInput,
  key: string,
  at: string,
  problem: (field: string, message: string, reason?: FieldProblemReason, params?: FieldProblem["params"]) => void,
): Promise<void> {
  const changes = await graph.changesTouching([key]);
  if (typeof op.version !== "number") {
    problem(`${at}.version`, `name the version of the entity you edit (it is ${changes.length} now)`);
    return;
  }
  if (op.version === changes.length) return;
  const later = changes.slice(op.version);
  const what = later
    .map((c) => `${c.author} on ${c.appliedAt.slice(0, 16).replace("T", " ")} (${(c.fields[key] ?? []).join(", ") || "the entity"})`)
    .join("; ");
  problem(
    `${at}.version`,
    `someone changed it since version ${op.version}: ${what || `it is at version ${changes.length}`}. Reload it and apply your change again.`,
    "stale",
    { what, version: changes.length },
  );
}
