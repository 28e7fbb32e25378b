import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { hasRole } from "../../../core/roles.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { Api } from "../api/graphql-client.ts";
import type { ChangeInfo, OperationInput, SourceInfo } from "../api/types.ts";
import { h } from "../ui/dom.ts";
import type { FormField } from "./fields.ts";
import type { Session } from "./session.ts";
import { sourceFieldset } from "./source-fieldset.ts";

/** What the editing forms may ask of the page. */
export interface EditingContext {
  api: Api;
  lang: Lang;
  session: Session;
  sources(): SourceInfo[];
  status(message: string, error?: boolean): void;
  refresh(ref: EntityRef, deleted?: boolean): Promise<void>;
  refreshMany(refs: EntityRef[]): Promise<void>; // many at once (an import): added where missing
  pickNode(callback: (ref: EntityRef, name: string) => void): () => void;
  changed(): void; // a change was applied or proposed: counts and lists follow
  current(ref: EntityRef): Record<string, unknown> | undefined; // the entity's properties as the page holds them
}

/** Editors apply; contributors propose; visitors (and viewers) suggest. Both of the latter wait for review. */
export function modeOf(session: Session): "apply" | "propose" | "suggest" {
  if (hasRole(session.role ?? undefined, "editor")) return "apply";
  if (hasRole(session.role ?? undefined, "contributor")) return "propose";
  return "suggest";
}

export interface ChangeDialog {
  title: string;
  intro?: (Node | string)[];
  fields: FormField[];
  operations(): Promise<OperationInput[] | undefined>; // undefined: nothing to send (the fields said why)
  modal?: boolean; // false for the link form, so that the other end can be clicked in the graph
  onDone(change: ChangeInfo): Promise<void>;
  onClose?(): void;
}

/**
 * A change form in a <dialog>: the form's own fields, then its source, then a note; checked in the
 * page's language before it is sent, and the server's problems shown at the fields they name.
 */
export function openChangeDialog(ctx: EditingContext, spec: ChangeDialog): HTMLDialogElement {
  const t = locales[ctx.lang].edit;
  const mode = modeOf(ctx.session);
  const source = sourceFieldset(ctx.lang, ctx.sources(), ctx.session.username);
  const note = h("textarea", { name: "note", rows: 2 });
  const problems = h("ul", { className: "form-problems", role: "alert" });
  const submit = h(
    "button",
    { type: "submit", className: "primary" },
    mode === "apply" ? t.submitApply : mode === "propose" ? t.submitPropose : t.submitSuggest,
  );
  const dialog = h("dialog", { className: "change-dialog", "aria-labelledby": "change-dialog-title" });
  const close = () => {
    dialog.close();
    dialog.remove();
    spec.onClose?.();
  };
  const form = h(
    "form",
    { method: "dialog", noValidate: true },
    h("h2", { id: "change-dialog-title" }, spec.title),
    spec.intro ?? [],
    spec.fields.map((f) => f.element),
    source.element,
    h("div", { className: "field" }, h("label", { for: "change-note" }, t.note), Object.assign(note, { id: "change-note" })),
    problems,
    h("div", { className: "dialog-actions" }, submit, h("button", { type: "button", onclick: close }, t.cancel)),
  );
  const all = [...spec.fields, ...source.fields];
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });
  dialog.addEventListener("cancel", () => spec.onClose?.());

  async function send(): Promise<void> {
    problems.replaceChildren();
    all.forEach((f) => f.setError(undefined));
    const wrong = all.map((f) => [f, f.check()] as const).filter(([, m]) => m);
    for (const [f, message] of wrong) f.setError(message);
    const operations = wrong.length > 0 ? undefined : await spec.operations();
    if (wrong.length > 0 || !operations) {
      problems.append(h("li", {}, t.fix));
      (wrong[0]?.[0].element.querySelector("input, select, textarea") as HTMLElement | null)?.focus();
      return;
    }
    submit.disabled = true;
    try {
      const change = { operations, source: source.read(), ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      const done = mode === "apply" ? await ctx.api.applyChange(change) : await ctx.api.proposeChange(change);
      close();
      ctx.changed();
      await spec.onDone(done);
      ctx.status(mode === "apply" ? t.applied : t.proposed); // once the graph shows it
    } catch (error) {
      showProblems(error);
    } finally {
      submit.disabled = false;
    }
  }

  function showProblems(error: unknown): void {
    if (!(error instanceof ApiError) || error.problems.length === 0) {
      problems.append(h("li", {}, describeError(error, ctx.lang)));
      return;
    }
    for (const problem of error.problems) {
      const worded = (problem.reason && t.fieldProblems[problem.reason]) || problem.message;
      const field = all
        .filter((f) => problem.field === f.key || problem.field.startsWith(`${f.key}.`))
        .sort((a, b) => b.key.length - a.key.length)[0];
      if (field) field.setError(worded);
      else problems.append(h("li", { title: problem.message }, worded));
    }
    (form.querySelector("[aria-invalid=true]") as HTMLElement | null)?.focus();
  }

  dialog.append(form);
  document.body.append(dialog);
  if (spec.modal === false) dialog.show();
  else dialog.showModal();
  (form.querySelector("input, select, textarea") as HTMLElement | null)?.focus();
  return dialog;
}
