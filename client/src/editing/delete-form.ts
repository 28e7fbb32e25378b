import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { h } from "../ui/dom.ts";
import { openChangeDialog, type EditingContext } from "./change-dialog.ts";

/** *Supprimer*, with confirmation: the entity and its links go, with a source that says why; its history can undo it. */
export function openDeleteForm(ctx: EditingContext, ref: EntityRef, name: string, version: number): void {
  const t = locales[ctx.lang].edit;
  openChangeDialog(ctx, {
    title: `${t.delete} — ${name}`,
    intro: [h("p", { className: "confirm-delete" }, t.confirmDelete(name))],
    fields: [],
    operations: async () => [{ op: "DELETE_ENTITY", entity: ref, version }],
    onDone: async (change) => {
      if (change.status === "applied") await ctx.refresh(ref, true);
    },
  });
}
