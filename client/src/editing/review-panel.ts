import { locales } from "../../../core/locales/index.ts";
import { describeError } from "../api/api-error.ts";
import { clear, h } from "../ui/dom.ts";
import type { EditingContext } from "./change-dialog.ts";
import { changeHeader, operationList } from "./describe-change.ts";
import { wordProblems } from "./history-view.ts";

/** *À relire*: contributors' proposals, visitors' suggestions, imports and extractions; each accepted (applied) or rejected with a comment. */
export function openReviewPanel(ctx: EditingContext): void {
  const t = locales[ctx.lang].edit;
  const dialog = h("dialog", { className: "change-dialog review-panel", "aria-labelledby": "review-title" });
  const body = h("div", {}, h("p", { className: "muted" }, locales[ctx.lang].ui.loading));
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.append(
    h("h2", { id: "review-title" }, t.review),
    body,
    h("div", { className: "dialog-actions" }, h("button", { type: "button", onclick: close }, locales[ctx.lang].ui.close)),
  );
  document.body.append(dialog);
  dialog.showModal();

  const load = async (): Promise<void> => {
    try {
      const queue = await ctx.api.reviewQueue();
      if (queue.changes.length === 0) return clear(body, h("p", { className: "muted" }, t.queueEmpty));
      clear(
        body,
        h(
          "ol",
          { className: "review-entries" },
          queue.changes.map((change) => entry(change)),
        ),
      );
    } catch (error) {
      clear(body, h("p", { className: "error" }, describeError(error, ctx.lang)));
    }
  };

  const entry = (change: Awaited<ReturnType<typeof ctx.api.reviewQueue>>["changes"][number]): HTMLElement => {
    const comment = h("textarea", { rows: 2, "aria-label": t.rejectComment, placeholder: t.rejectComment });
    const problem = h("p", { className: "field-error", role: "alert" });
    const act = async (action: "accept" | "reject"): Promise<void> => {
      problem.textContent = "";
      if (action === "reject" && !comment.value.trim()) {
        problem.textContent = `${t.rejectComment} ${t.required}`;
        comment.focus();
        return;
      }
      try {
        const done =
          action === "accept" ? await ctx.api.acceptChange(change.id) : await ctx.api.rejectChange(change.id, comment.value.trim());
        ctx.changed();
        // The entities it changed, as the graph has them now (its source document aside, which the graph does not draw);
        // an import's hundreds at once, with the relationships among them.
        const changed = done.effects.filter((e) => e.target === "entity" && e.entity && e.entity.kind !== "source");
        if (changed.length > 3 && changed.every((e) => e.after !== null)) {
          const ends = done.effects
            .flatMap((e) => [e.entity, e.from, e.to])
            .filter((x): x is NonNullable<typeof x> => !!x && x.kind !== "source");
          await ctx.refreshMany([...new Map(ends.map((x) => [`${x.kind}:${x.slug}`, { kind: x.kind, slug: x.slug }])).values()]);
        } else
          for (const effect of changed) await ctx.refresh({ kind: effect.entity!.kind, slug: effect.entity!.slug }, effect.after === null);
        ctx.status(action === "accept" ? t.accepted : t.rejected); // once the graph shows it
        await load();
      } catch (error) {
        problem.textContent = wordProblems(error, ctx.lang) || describeError(error, ctx.lang);
      }
    };
    return h(
      "li",
      { className: "review-entry", dataset: { change: change.id } },
      changeHeader(change, ctx.lang),
      operationList(change, ctx.lang, ctx.current),
      comment,
      h(
        "div",
        { className: "dialog-actions" },
        h("button", { type: "button", className: "primary accept", onclick: () => void act("accept") }, t.accept),
        h("button", { type: "button", className: "reject", onclick: () => void act("reject") }, t.reject),
      ),
      problem,
    );
  };
  void load();
}
