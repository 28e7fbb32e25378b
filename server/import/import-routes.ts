import express from "express";
import { z } from "zod";
import type { FichePreview } from "../../core/import-preview.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import type { Logger } from "../../core/logger.ts";
import { isKind, kindOf, type Label } from "../../core/model/index.ts";
import { hasRole } from "../../core/roles.ts";
import { inputLimits, megabytes } from "../../core/cli/input-file.ts";
import { ChangeRefused, type Changes } from "../../seeds/changes/change-service.ts";
import { proposePlan } from "../../seeds/changes/propose-plan.ts";
import { buildLoadPlan } from "../../seeds/build-load-plan.ts";
import { sourcesDir } from "../../seeds/load-seeds.ts";
import { parseSeedFile } from "../../seeds/parse-seed-file.ts";
import { readExistingEntities } from "../../seeds/import/read-existing.ts";
import { MappingError, parseMapping } from "../../seeds/import/spreadsheet/column-mapping.ts";
import type { MappingStore } from "../../seeds/import/spreadsheet/mapping-store.ts";
import { sendImport } from "../../seeds/import/spreadsheet/send-import.ts";
import { AuthenticationError, type Authenticator, type Viewer } from "../auth/authenticate.ts";
import type { Database } from "../../core/neo4j/open-database.ts";
import type { ImportJob, JobResult } from "./import-job.ts";
import { ImportBusyError, ImportRefusedError, type ImportJobs } from "./import-jobs.ts";

export interface ImportDeps {
  database: Database;
  gazetteer: Gazetteer;
  jobs: ImportJobs;
  changes: Changes;
  mappings: MappingStore;
  authenticator: Authenticator;
  log: Logger;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "file.data must be the file's bytes in base64" });
const requestSchema = z.strictObject({
  file: z.strictObject({ name: z.string().min(1).max(200), data: base64 }),
  kind: z.string().refine(isKind, { error: "kind must be ally, territory, initiative or person" }).optional(),
  mapping: z.union([z.string().max(100), z.record(z.string(), z.unknown())]).optional(), // a saved mapping's name, or one
  choices: z.record(z.string(), z.string().nullable()).optional(),
  sheet: z.string().max(200).optional(),
  headerLine: z.int().min(1).max(1000).optional(),
  decisions: z
    .strictObject({
      drop: z.array(z.int()).max(inputLimits.spreadsheetRows).optional(),
      fixes: z.record(z.string(), z.record(z.string(), z.string().max(inputLimits.cellChars).nullable())).optional(),
      matches: z.record(z.string(), z.string().nullable()).optional(),
    })
    .optional(),
  drop: z.array(z.string().max(300)).max(5000).optional(), // a fiche's parts left out
  // Sending only:
  mode: z.enum(["propose", "apply"]).optional(),
  source: z
    .strictObject({
      title: z.string().trim().min(1).max(300),
      publisher: z.string().trim().min(1).max(200),
      year: z.int().min(1900).max(2100).optional(),
    })
    .optional(),
  saveMapping: z.string().trim().min(1).max(100).optional(),
  note: z.string().max(2000).optional(),
});
type ImportRequest = z.infer<typeof requestSchema>;

/**
 * The page's import (README "Bring your lists in"): POST /import/preview and /import/send take the
 * file (base64 in JSON: the session cookie is accepted only on JSON from this site) and what the
 * user chose so far, and answer a stream of JSON lines: progress, then the preview, the sent change,
 * or why not. Contributors and editors only; the work runs in a worker thread (import-jobs.ts).
 */
export function importRoutes(deps: ImportDeps): express.Router {
  const router = express.Router();
  router.use(async (request, response, next) => {
    try {
      const viewer = await deps.authenticator.viewerOf(request);
      if (!viewer) return void refuse(response, 401, "UNAUTHENTICATED", "Log in to import a file.");
      if (!hasRole(viewer.role, "contributor"))
        return void refuse(response, 403, "FORBIDDEN", "Importing needs the contributor role at least.");
      response.locals.viewer = viewer;
      next();
    } catch (error) {
      if (error instanceof AuthenticationError)
        return void refuse(response, 401, "UNAUTHENTICATED", `Authentication failed: ${error.message}.`);
      next(error);
    }
  });
  router.get("/mappings", async (_request, response) => {
    const saved = await deps.mappings.list();
    response.json({
      mappings: saved.map((m) => ({
        name: m.name,
        kind: m.mapping.kind,
        headers: Object.keys(m.mapping.columns),
        savedBy: m.savedBy,
        savedAt: m.savedAt,
      })),
    });
  });
  // The file travels as base64: 20 MB of spreadsheet is some 27 MB of JSON.
  router.use(express.json({ limit: `${Math.ceil((inputLimits.spreadsheetBytes * 4) / 3 / 2 ** 20) + 2}mb` }));
  router.post("/preview", (request, response) => {
    const body = parse(request.body); // before the stream's 200: a malformed request is a 400
    return stream(response, deps.log, (say) => preview(deps, body, say));
  });
  router.post("/send", (request, response) => {
    const body = parse(request.body, true);
    const viewer = response.locals.viewer as Viewer;
    if (body.mode === "apply" && !hasRole(viewer.role, "editor"))
      return void refuse(response, 403, "FORBIDDEN", "Applying at once needs the editor role: propose it for review instead.");
    return stream(response, deps.log, (say) => send(deps, body, viewer, say));
  });
  router.use(((error, _request, response, next) => {
    if (error instanceof RequestError) return void refuse(response, 400, "BAD_USER_INPUT", error.message);
    if ((error as { status?: number }).status === 413)
      return void refuse(
        response,
        413,
        "PAYLOAD_TOO_LARGE",
        `The file is too large: a spreadsheet may be ${megabytes(inputLimits.spreadsheetBytes)}, a PDF fiche ${megabytes(inputLimits.pdfBytes)} at most.`,
      );
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

class RequestError extends Error {}

function parse(body: unknown, sending = false): ImportRequest {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RequestError(`${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  if (sending && !parsed.data.mode) throw new RequestError('mode: "propose" or "apply"');
  return parsed.data;
}

const isFiche = (name: string, bytes: Buffer) => /\.(pdf|txt|md)$/i.test(name) || bytes.subarray(0, 5).toString("latin1") === "%PDF-";

type Say = (line: Record<string, unknown>) => void;

async function run(deps: ImportDeps, body: ImportRequest, say: Say): Promise<JobResult> {
  const bytes = Buffer.from(body.file.data, "base64");
  const name = body.file.name.replace(/[/\\]/g, "_");
  const onProgress = (progress: { phase: string; done: number; total: number }) => say({ type: "progress", ...progress });
  if (isFiche(name, bytes)) return deps.jobs.run({ what: "fiche", file: name, bytes, drop: body.drop }, onProgress);
  let mapping: Extract<ImportJob, { what: "spreadsheet" }>["mapping"];
  if (typeof body.mapping === "string") {
    const saved = await deps.mappings.get(body.mapping);
    if (!saved) throw new ImportRefusedError(`no mapping is saved as "${body.mapping}"`);
    mapping = { mapping: saved.mapping, name: saved.name, how: "saved" };
  } else if (body.mapping) {
    try {
      mapping = { mapping: parseMapping(body.mapping, "mapping"), name: undefined, how: "given" };
    } catch (error) {
      if (error instanceof MappingError) throw new ImportRefusedError(error.message);
      throw error;
    }
  }
  const savedMappings = (await deps.mappings.list()).map(({ name: n, mapping: m }) => ({ name: n, mapping: m }));
  return deps.jobs.run(
    {
      what: "spreadsheet",
      file: name,
      bytes,
      kind: body.kind && isKind(body.kind) ? body.kind : undefined,
      mapping,
      choices: body.choices,
      sheet: body.sheet,
      headerLine: body.headerLine,
      decisions: body.decisions,
      savedMappings,
    },
    onProgress,
  );
}

async function preview(deps: ImportDeps, body: ImportRequest, say: Say): Promise<void> {
  const result = await run(deps, body, say);
  if (result.what === "spreadsheet") {
    const saved = await deps.mappings.list();
    say({ type: "preview", preview: result.preview, mapping: result.mapping, savedMappings: saved.map((m) => m.name) });
  } else say({ type: "fiche", fiche: await checkFiche(deps, result) });
}

/** The loader's own checks on the fiche's draft, against the graph as it is. */
async function checkFiche(deps: ImportDeps, result: Extract<JobResult, { what: "fiche" }>): Promise<FichePreview> {
  const { problems } = await planOfFiche(deps, result);
  return { ...result.preview, problems: problems.map((p) => ({ line: p.line, message: p.message })) };
}

async function planOfFiche(deps: ImportDeps, result: Extract<JobResult, { what: "fiche" }>) {
  const file = parseSeedFile(result.draftFile, result.yaml);
  const existing = await readExistingEntities(deps.database.driver, deps.database.database);
  return buildLoadPlan([file], { sourcesDir, gazetteer: deps.gazetteer, existing });
}

async function send(deps: ImportDeps, body: ImportRequest, viewer: Viewer, say: Say): Promise<void> {
  const result = await run(deps, body, say);
  const actor = { username: viewer.username, role: viewer.role };
  const mode = body.mode!;
  if (result.what === "fiche") {
    const { plan, problems } = await planOfFiche(deps, result);
    if (!plan)
      throw new ImportRefusedError(
        `the draft has ${problems.length} problem(s): ${problems
          .slice(0, 3)
          .map((p) => `line ${p.line}: ${p.message}`)
          .join("; ")}`,
      );
    const sent = await proposePlan(
      deps.database.driver,
      deps.database.database,
      plan,
      deps.changes,
      actor,
      "extract",
      result.draftFile,
      mode,
    );
    return void say({ type: "sent", change: sent ?? null, refs: sent ? await appliedRefs(deps, sent.id) : [] });
  }
  if (!body.source) throw new ImportRefusedError("name the spreadsheet as a source: its title and who made it (publisher)");
  if (body.saveMapping) await deps.mappings.save(body.saveMapping, { ...result.mapping, source: body.source }, viewer.username);
  const sent = await sendImport(
    deps.database.driver,
    deps.database.database,
    deps.changes,
    result.preview,
    body.source,
    actor,
    mode,
    body.note,
  );
  say({
    type: "sent",
    change: sent ? { id: sent.change.id, status: sent.change.status, operations: sent.operations } : null,
    counts: result.preview.counts,
    refs: sent ? await appliedRefs(deps, sent.change.id) : [],
  });
}

/** What an applied change touched (entities, and both ends of its relationships), for the page to draw; none while it waits for review. */
async function appliedRefs(deps: ImportDeps, id: string): Promise<{ kind: string; slug: string }[]> {
  const change = await deps.changes.get(id);
  if (change?.status !== "applied") return [];
  const refs = new Map<string, { kind: string; slug: string }>();
  const add = (end: { label: Label; slug: string }) =>
    void (end.label !== "Source" && refs.set(`${end.label}/${end.slug}`, { kind: kindOf[end.label], slug: end.slug }));
  for (const effect of change.effects) {
    if (effect.target === "entity") add(effect);
    else if (effect.type !== "SOURCED_FROM") [effect.from, effect.to].forEach(add);
  }
  return [...refs.values()];
}

/**
 * Answers with JSON lines as the work goes: its progress, then its result. A refusal is a line too
 * (`{"type":"error"}`), since the status was sent with the first line; it says what to do.
 */
async function stream(response: express.Response, log: Logger, work: (say: Say) => Promise<void>): Promise<void> {
  // No Cache-Control: a POST's answer is not cached without freshness headers (RFC 9111), and
  // Chromium marks a no-store stream read by a reader as aborted at its end (playwright#42742).
  response.status(200).type("application/x-ndjson");
  response.setHeader("X-Accel-Buffering", "no"); // a proxy passes the lines on as they come
  const say: Say = (line) => void response.write(`${JSON.stringify(line)}\n`);
  try {
    await work(say);
  } catch (error) {
    if (error instanceof ImportRefusedError) say({ type: "error", reason: "refused", message: error.message });
    else if (error instanceof ImportBusyError) say({ type: "error", reason: "busy", message: error.message, retryAfterSeconds: 10 });
    else if (error instanceof ChangeRefused)
      say({ type: "error", reason: "invalid-change", message: error.message, problems: error.problems.slice(0, 200) });
    else {
      log.error({ err: error, requestId: response.locals.requestId }, "import failed");
      say({
        type: "error",
        reason: "internal",
        message: "The import failed on the server; it is logged.",
        requestId: response.locals.requestId,
      });
    }
  }
  response.end();
}

function refuse(response: express.Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}
