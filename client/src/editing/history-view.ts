import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { hasRole } from "../../../core/roles.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { Lang } from "../../../core/model/index.ts";
import { clear, h } from "../ui/dom.ts";
import type { EditingContext } from "./change-dialog.ts";
import { changeHeader, effectList } from "./describe-change.ts";

/** *Historique* in the details panel: every applied change of the entity, newest first; editors may revert each. */
export function historyView(ctx: EditingContext, ref: EntityRef): HTMLElement {
  const t = locales[ctx.lang].edit;
  const list = h("div", { className: "history" }, h("p", { className: "muted" }, locales[ctx.lang].ui.loading));
  const load = async (): Promise<void> => {
    try {
      const { changes } = await ctx.api.history(ref);
      if (changes.length === 0) return clear(list, h("p", { className: "muted" }, t.noHistory));
      clear(
        list,
        h(
          "ol",
          { className: "history-entries" },
          changes.map((change) => {
            const canRevert = hasRole(ctx.session.role ?? undefined, "editor") && !change.revertedBy;
            const item = h(
              "li",
              { className: "history-entry", dataset: { change: change.id } },
              changeHeader(change, ctx.lang),
              effectList(change, ctx.lang),
            );
            if (canRevert) item.append(revertControl(change.id, item));
            return item;
          }),
        ),
      );
    } catch (error) {
      clear(list, h("p", { className: "error" }, describeError(error, ctx.lang)));
    }
  };

  const revertControl = (id: string, item: HTMLElement): HTMLElement => {
    const reason = h("textarea", { rows: 2, "aria-label": t.revertReason, placeholder: t.revertReason, hidden: true });
    const problem = h("p", { className: "field-error", role: "alert" });
    const button = h("button", { type: "button", className: "revert" }, t.revert);
    button.addEventListener("click", async () => {
      if (reason.hidden) {
        reason.hidden = false;
        button.textContent = t.confirm;
        reason.focus();
        return;
      }
      if (!reason.value.trim()) {
        problem.textContent = t.required;
        return;
      }
      button.disabled = true;
      try {
        await ctx.api.revertChange(id, reason.value.trim());
        ctx.status(t.reverted);
        ctx.changed();
        await ctx.refresh(ref, false).catch(() => ctx.refresh(ref, true));
      } catch (error) {
        problem.textContent = wordProblems(error, ctx.lang) || describeError(error, ctx.lang);
        button.disabled = false;
      }
    });
    void item;
    return h("div", { className: "revert-control" }, reason, button, problem);
  };
  void load();
  return list;
}

/** A refusal's problems in the page's language (who changed it since, and when, for a conflict). */
export function wordProblems(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return "";
  const words = locales[lang].edit.fieldProblems;
  return error.problems
    .map((p) => {
      const worded = (p.reason && words[p.reason]) || p.message;
      return p.params?.author ? `${worded} (${p.params.author}, ${p.params.at})` : worded;
    })
    .join(" ");
}
