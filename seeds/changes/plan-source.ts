import { slugify } from "../../core/text/normalize.ts";
import type { FieldProblemReason } from "../../core/api-errors.ts";
import type { ChangeInput } from "./change-input.ts";
import type { GraphReader } from "./graph-reader.ts";
import type { ChangePlan, PlanOptions } from "./plan-change.ts";

/** The change's source: one already in the graph, a new document, or a first-hand statement. */
export async function planSource(
  input: ChangeInput,
  graph: GraphReader,
  options: PlanOptions,
  problem: (field: string, message: string, reason?: FieldProblemReason) => void,
): Promise<ChangePlan["source"] | undefined> {
  const { slug, document, statement, quote } = input.source ?? {};
  const given = [slug, document, statement].filter((s) => s !== undefined && s !== null).length;
  if (given !== 1) {
    problem(
      "source",
      "a change needs one source: an existing source (slug), a document (title, publisher) or a first-hand statement (by, on)",
    );
    return undefined;
  }
  if (slug) {
    const createdHere = input.operations.find((op) => op.op === "CREATE_ENTITY" && op.entity?.kind === "source" && op.entity.slug === slug);
    if (createdHere) return { slug, create: undefined }; // a new source and what it states, in one change (an import)
    const existing = await graph.properties("Source", slug);
    if (!existing) return void problem("source.slug", `no source has the slug "${slug}"`, "not-found");
    if (
      options.quotesRequired &&
      typeof existing.file === "string" &&
      !quote?.trim() &&
      !input.operations.every((op) => op.quote?.trim() || op.quotes?.length || op.op.startsWith("DELETE"))
    )
      return void problem("source.quote", "quote the sentence of this source that states the change (it is checked word for word)");
    return { slug, create: undefined };
  }
  if (document) {
    // A spreadsheet's import quotes each row at its operations; otherwise the change quotes its document.
    const everyOpQuoted =
      input.operations.length > 0 && input.operations.every((op) => op.quote?.trim() || op.quotes?.some((q) => q.trim()));
    if (!quote?.trim() && !everyOpQuoted) return void problem("source.quote", "quote the sentence of the document that states the change");
    const props = {
      title: document.title,
      publisher: document.publisher,
      kind: "document",
      ...(document.year ? { year: document.year } : {}),
      ...(document.url ? { url: document.url } : {}),
    };
    return reuseOrCreate(graph, slugify(document.title) || "document", props);
  }
  const { by, on } = statement!;
  if (!by?.trim()) return void problem("source.statement.by", "say who makes the statement");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on ?? "")) return void problem("source.statement.on", "give the date of the statement as YYYY-MM-DD");
  const props = {
    title: `Déclaration de ${by.trim()} (${on})`,
    publisher: by.trim(),
    kind: "statement",
    year: Number(on.slice(0, 4)),
    note: `Recorded by ${options.author} on ${options.today}`,
  };
  return reuseOrCreate(graph, slugify(`declaration ${by} ${on}`), props);
}

/** The Source of that title and publisher if the graph has it already, else a new one with a free slug. */
async function reuseOrCreate(graph: GraphReader, base: string, props: Record<string, unknown>): Promise<ChangePlan["source"]> {
  const root = base.slice(0, 60).replace(/-+$/, "");
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? root : `${root}-${n}`;
    const existing = await graph.properties("Source", slug);
    if (!existing) return { slug, create: props };
    if (existing.title === props.title && existing.publisher === props.publisher) return { slug, create: undefined };
  }
}
