import type { FichePreview, ImportDecisions, ImportPreview } from "../../../core/import-preview.ts";
import type { Kind } from "../../../core/model/index.ts";
import { ApiError } from "../api/api-error.ts";

/** What the page sends about a file: the file, and what the user chose so far (server/import/import-routes.ts). */
export interface ImportRequest {
  file: { name: string; data: string }; // base64
  kind?: Kind;
  mapping?: string; // a saved mapping's name
  choices?: Record<string, string | null>;
  sheet?: string;
  decisions?: ImportDecisions;
  drop?: string[]; // a fiche's parts left out
}

export type PreviewAnswer =
  { type: "preview"; preview: ImportPreview; mapping: unknown; savedMappings: string[] } | { type: "fiche"; fiche: FichePreview };

export type SentAnswer = {
  type: "sent";
  change: { id: string; status: string; operations: number } | null;
  refs: { kind: Kind; slug: string }[]; // what an applied change touched, to draw
};

/** A file's bytes as base64, for the JSON body (the session cookie goes with JSON only). */
export async function fileData(file: File): Promise<{ name: string; data: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, data: btoa(binary) };
}

/** POST /import/preview: progress as it comes, then the preview of a spreadsheet or of a fiche. */
export async function previewImport(
  request: ImportRequest,
  onProgress: (phase: string, done: number, total: number) => void,
): Promise<PreviewAnswer> {
  const answer = await post("preview", request, onProgress);
  if (
    (answer.type === "preview" && Array.isArray((answer as { preview?: { rows?: unknown } }).preview?.rows)) ||
    (answer.type === "fiche" && Array.isArray((answer as { fiche?: { entities?: unknown } }).fiche?.entities))
  )
    return answer as PreviewAnswer;
  throw new ApiError("Unexpected answer (import preview)", "SHAPE", "shape", { what: "import preview" });
}

/** POST /import/send: the change made of it, held for review or applied; null when the graph holds it all. */
export async function sendImport(
  request: ImportRequest & {
    mode: "propose" | "apply";
    source?: { title: string; publisher: string; year?: number };
    saveMapping?: string;
  },
  onProgress: (phase: string, done: number, total: number) => void,
): Promise<SentAnswer> {
  const answer = await post("send", request, onProgress);
  if (answer.type === "sent") return answer as SentAnswer;
  throw new ApiError("Unexpected answer (import send)", "SHAPE", "shape", { what: "import send" });
}

/** The server's lines: `progress` ones as they come, the last one is the answer or an error. */
async function post(
  route: string,
  body: unknown,
  onProgress: (phase: string, done: number, total: number) => void,
): Promise<{ type: string }> {
  const response = await fetch(`/import/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body) {
    const failed = (await response.json().catch(() => undefined)) as
      { errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
    const error = failed?.errors?.[0];
    throw new ApiError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code ?? "HTTP", undefined, {
      status: response.status,
    });
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last: { type: string; [key: string]: unknown } | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim())) {
      const parsed = JSON.parse(line) as { type: string; phase?: string; done?: number; total?: number; [key: string]: unknown };
      if (parsed.type === "progress") onProgress(String(parsed.phase), Number(parsed.done), Number(parsed.total));
      else last = parsed;
    }
    if (done) break;
  }
  if (!last) throw new ApiError("The import answered nothing", "SHAPE", "shape", { what: "import" });
  if (last.type === "error")
    throw new ApiError(
      String(last.message),
      String(last.reason),
      String(last.reason) === "busy" ? "import-busy" : undefined,
      last,
      [],
      (last.problems as never[]) ?? [],
    );
  return last;
}
