import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { checkViewQuery } from "../core/views/view-query.ts";

export const curatedViewsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "views.yaml");

const viewSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  descriptionEn: z.string().min(1).optional(),
  query: z.string().min(1),
});
export type CuratedView = z.infer<typeof viewSchema>;

export class CuratedViewsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "CuratedViewsError";
  }
}

/**
 * Reads and checks the curated views: each problem says file:line and what is wrong (an unknown
 * field, a query key the explorer does not know, a repeated slug); any problem refuses the file.
 */
export function readCuratedViews(file = curatedViewsFile): CuratedView[] {
  const where = path.relative(process.cwd(), file) || file;
  const lineCounter = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, "utf8"), { lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const problems = document.errors.map((error) => `${where}:${lineAt(error.pos[0])}: YAML: ${error.message.split("\n")[0]}`);
  if (problems.length > 0) throw new CuratedViewsError(problems);
  if (!isSeq(document.contents)) throw new CuratedViewsError([`${where}:1: expected a list of views`]);
  const views: CuratedView[] = [];
  const slugs = new Set<string>();
  for (const item of document.contents.items) {
    const line = lineAt((item as { range?: [number, number, number] }).range?.[0]);
    const parsed = viewSchema.safeParse(isMap(item) ? item.toJSON() : undefined);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}:${line}: ${issue.path.join(".") || "view"}: ${issue.message}`);
      continue;
    }
    for (const problem of checkViewQuery(parsed.data.query)) problems.push(`${where}:${line}: query: ${problem}`);
    if (slugs.has(parsed.data.slug)) problems.push(`${where}:${line}: slug "${parsed.data.slug}" is used twice`);
    slugs.add(parsed.data.slug);
    views.push(parsed.data);
  }
  if (problems.length > 0) throw new CuratedViewsError(problems);
  return views;
}
