import type { ImportDecisions } from "../../../core/import-preview.ts";
import { locales } from "../../../core/locales/index.ts";
import type { Kind } from "../../../core/model/index.ts";
import { hasRole } from "../../../core/roles.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { EditingContext } from "../editing/change-dialog.ts";
import { wordProblems } from "../editing/history-view.ts";
import { clear, h } from "../ui/dom.ts";
import { ficheView } from "./fiche-view.ts";
import { fileData, previewImport, sendImport, type ImportRequest, type PreviewAnswer } from "./import-api.ts";
import { mappingStep } from "./mapping-step.ts";
import { previewTable } from "./preview-table.ts";

/**
 * *Importer*: drop or pick a file; for a spreadsheet, its columns (guessed, or mapped by a saved
 * mapping) and a preview of every row with what it creates, updates or leaves and its problems at
 * their cells; for a fiche, its draft with the sentence behind each fact. The user fixes, drops,
 * decides, names the source, and sends one change for review (an editor may apply it at once).
 * The server does the work, reporting its progress; the page only draws a page of rows at a time.
 */
export function openImportDialog(ctx: EditingContext): void {
  const t = locales[ctx.lang].importing;
  const editor = hasRole(ctx.session.role ?? undefined, "editor");
  const state: {
    data?: { name: string; data: string };
    kind?: Kind;
    mapping?: string;
    choices: Record<string, string | null>;
    decisions: Required<ImportDecisions>;
    drop: Set<string>;
    answer?: PreviewAnswer;
  } = { choices: {}, decisions: { drop: [], fixes: {}, matches: {} }, drop: new Set() };

  const dialog = h("dialog", { className: "change-dialog import-dialog", "aria-labelledby": "import-title" });
  const status = h("p", { id: "import-status", role: "status", "aria-live": "polite" });
  const progress = h("progress", { id: "import-progress", max: 1, value: 0, hidden: true });
  const content = h("div", { className: "import-content" });
  const problems = h("ul", { className: "form-problems", role: "alert" });
  const input = h("input", {
    type: "file",
    id: "import-file",
    accept: ".csv,.tsv,.txt,.xlsx,.xls,.ods,.pdf,.md",
    onchange: () => void pick(input.files?.[0]),
  });
  const zone = h(
    "div",
    {
      className: "drop-zone",
      ondragover: (event: DragEvent) => (event.preventDefault(), zone.classList.add("over")),
      ondragleave: () => zone.classList.remove("over"),
      ondrop: (event: DragEvent) => {
        event.preventDefault();
        zone.classList.remove("over");
        void pick(event.dataTransfer?.files[0]);
      },
    },
    `${t.dropHere} `,
    h("label", { className: "link-like" }, t.pick, input),
  );
  const title = h("input", { type: "text", name: "source-title", required: true });
  const publisher = h("input", { type: "text", name: "source-publisher", required: true });
  const year = h("input", { type: "number", name: "source-year", min: 1900, max: 2100 });
  const saveAs = h("input", { type: "text", name: "save-mapping" });
  const source = h(
    "fieldset",
    { className: "import-source", hidden: true },
    h("legend", {}, t.source),
    h("div", { className: "field" }, h("label", {}, t.sourceTitle, title)),
    h("div", { className: "field" }, h("label", {}, t.publisher, publisher)),
    h("div", { className: "field" }, h("label", {}, t.year, year)),
    h("div", { className: "field" }, h("label", {}, t.saveMapping, saveAs)),
  );
  const refresh = h("button", { type: "button", id: "import-refresh", hidden: true, onclick: () => void load() }, t.refresh);
  const send = h(
    "button",
    { type: "button", className: "primary", id: "import-send", hidden: true, onclick: () => void submit("propose") },
    t.send,
  );
  const apply = h("button", { type: "button", id: "import-apply", hidden: true, onclick: () => void submit("apply") }, t.apply);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.append(
    h("h2", { id: "import-title" }, t.title),
    h("p", { className: "muted" }, t.intro),
    zone,
    content,
    source,
    // Stays in sight at the dialog's foot however far the table is scrolled: progress, what happened, the buttons.
    h(
      "div",
      { className: "import-footer" },
      progress,
      status,
      problems,
      h(
        "div",
        { className: "dialog-actions" },
        refresh,
        send,
        editor ? apply : null,
        h("button", { type: "button", onclick: close }, locales[ctx.lang].ui.close),
      ),
    ),
  );
  document.body.append(dialog);
  dialog.showModal();

  const onProgress = (phase: string, done: number, total: number) => {
    progress.hidden = false;
    progress.max = Math.max(1, total);
    progress.value = done;
    status.textContent = t.progress(phase, done, total);
  };
  const request = (): ImportRequest => ({
    file: state.data!,
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.mapping ? { mapping: state.mapping } : {}),
    choices: state.choices,
    decisions: state.decisions,
    drop: [...state.drop],
  });
  const stale = () => {
    refresh.hidden = false;
    refresh.classList.add("primary");
    status.textContent = t.edited;
  };

  async function pick(file: File | undefined): Promise<void> {
    if (!file) return;
    Object.assign(state, {
      kind: undefined,
      mapping: undefined,
      choices: {},
      decisions: { drop: [], fixes: {}, matches: {} },
      drop: new Set(),
    });
    status.textContent = t.reading;
    state.data = await fileData(file);
    title.value = file.name.replace(/\.[^.]+$/, "");
    await load();
  }

  async function load(): Promise<void> {
    clear(problems);
    refresh.classList.remove("primary");
    for (const button of [send, apply, refresh]) button.disabled = true;
    try {
      state.answer = await previewImport(request(), onProgress);
      render();
    } catch (error) {
      status.textContent = error instanceof ApiError && error.code === "busy" ? t.busy : describeError(error, ctx.lang);
      status.classList.add("error");
    } finally {
      progress.hidden = true;
      for (const button of [send, apply, refresh]) button.disabled = false;
    }
  }

  function render(): void {
    const answer = state.answer!;
    status.classList.remove("error");
    refresh.hidden = true;
    send.hidden = apply.hidden = false;
    if (answer.type === "fiche") {
      source.hidden = true;
      status.textContent = `${answer.fiche.file} — ${answer.fiche.entities.length} ${t.fiche.entities.toLowerCase()}, ${answer.fiche.relationships.length} ${t.fiche.relationships.toLowerCase()}`;
      clear(content, ficheView(answer.fiche, state.drop, ctx.lang, stale));
      send.disabled = apply.disabled = answer.fiche.problems.length > 0;
      return;
    }
    const { preview } = answer;
    source.hidden = false;
    status.textContent = t.file(preview.file, preview.format, preview.counts.rows);
    clear(
      content,
      mappingStep(preview, answer.savedMappings, ctx.lang, (change) => {
        if (change.kind) Object.assign(state, { kind: change.kind, choices: {}, mapping: undefined });
        if ("mapping" in change) Object.assign(state, { mapping: change.mapping, choices: {} });
        if (change.choice) state.choices[change.choice.header] = change.choice.target;
        void load();
      }),
      previewTable(preview, state.decisions, ctx.lang, stale),
      h(
        "p",
        { className: "muted", id: "import-left-out" },
        t.leftOut(preview.counts.problem + preview.counts.decide + preview.counts.dropped),
      ),
    );
  }

  async function submit(mode: "propose" | "apply"): Promise<void> {
    if (!state.answer) return;
    clear(problems);
    const spreadsheet = state.answer.type === "preview";
    if (spreadsheet && (!title.value.trim() || !publisher.value.trim())) {
      problems.append(h("li", {}, t.needSource));
      (title.value.trim() ? publisher : title).focus();
      return;
    }
    for (const button of [send, apply]) button.disabled = true;
    status.textContent = t.sending;
    try {
      const { change, refs } = await sendImport(
        {
          ...request(),
          mode,
          ...(spreadsheet
            ? {
                source: {
                  title: title.value.trim(),
                  publisher: publisher.value.trim(),
                  ...(year.value ? { year: Number(year.value) } : {}),
                },
              }
            : {}),
          ...(spreadsheet && saveAs.value.trim() ? { saveMapping: saveAs.value.trim() } : {}),
        },
        onProgress,
      );
      status.textContent = !change
        ? t.nothingToSend
        : change.status === "applied"
          ? t.applied(change.operations)
          : t.sent(change.operations);
      ctx.status(status.textContent);
      ctx.changed();
      send.hidden = apply.hidden = progress.hidden = true; // sent: nothing more to send from this preview
      if (refs.length) await ctx.refreshMany(refs); // applied at once: on the map now
    } catch (error) {
      status.textContent = "";
      const words = wordProblems(error, ctx.lang) || describeError(error, ctx.lang);
      problems.append(h("li", {}, words));
      for (const button of [send, apply]) button.disabled = false;
    } finally {
      progress.hidden = true;
    }
  }
}
