import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { entityKinds, labelOf, type Lang } from "../../../core/model/index.ts";
import { hasRole, roleNames } from "../../../core/roles.ts";
import type { Api } from "../api/graphql-client.ts";
import type { Explorer } from "../explorer/explorer.ts";
import { clear, h } from "../ui/dom.ts";
import { modeOf, type EditingContext } from "./change-dialog.ts";
import { openDeleteForm } from "./delete-form.ts";
import { chooseKindThenCreate, openEntityForm } from "./entity-form.ts";
import { historyView } from "./history-view.ts";
import { openLinkForm } from "./link-form.ts";
import { openLoginDialog } from "./login-dialog.ts";
import { openReviewPanel } from "./review-panel.ts";
import { openImportDialog } from "../importing/import-dialog.ts";
import { logOut, type Session } from "./session.ts";

/**
 * Editing in the page: the account bar (log in and out, the role, *Nouvelle entité*, *À relire*),
 * and, in the details panel, *Modifier*, *Ajouter un lien*, *Supprimer* or, for visitors,
 * *Proposer une correction*, and the entity's *Historique*. What a role may not do is not shown;
 * the server refuses it anyway.
 */
export class Editing {
  readonly ctx: EditingContext;
  private reviewButton: HTMLButtonElement | undefined;
  // What the last change did, said apart from the explorer's own status line (which each redraw rewrites).
  private readonly said = h("p", { id: "edit-status", role: "status", "aria-live": "polite" });

  constructor(
    private readonly bar: HTMLElement,
    api: Api,
    private readonly lang: Lang,
    private readonly session: Session,
    explorer: Explorer,
  ) {
    this.ctx = {
      api,
      lang,
      session,
      sources: () => explorer.knownSources(),
      status: (message, error) => {
        this.said.textContent = message;
        this.said.classList.toggle("error", Boolean(error));
      },
      refresh: (ref, deleted) => explorer.refreshEntity(ref, deleted),
      refreshMany: (refs) => explorer.refreshMany(refs),
      pickNode: (callback) => explorer.onNextNodeTap(callback),
      changed: () => {
        void this.updateReviewCount();
        void explorer.reloadSources();
      },
      current: (ref) => {
        const data = explorer.nodeData(ref);
        return data ? entityProperties(data) : undefined;
      },
    };
    this.renderBar();
  }

  private renderBar(): void {
    const t = locales[this.lang].edit;
    const { username, role } = this.session;
    if (!username || !role) {
      clear(this.bar, this.said, h("button", { type: "button", id: "login", onclick: () => openLoginDialog(this.lang) }, t.login));
      return;
    }
    this.reviewButton = hasRole(role, "editor")
      ? h("button", { type: "button", id: "review", onclick: () => openReviewPanel(this.ctx) }, t.review)
      : undefined;
    clear(
      this.bar,
      this.said,
      h("span", { id: "signed-in", className: "muted" }, t.signedInAs(username, roleNames[role][this.lang])),
      hasRole(role, "contributor")
        ? h("button", { type: "button", id: "new-entity", onclick: () => chooseKindThenCreate(this.ctx) }, t.newEntity)
        : null,
      hasRole(role, "contributor")
        ? h("button", { type: "button", id: "import", onclick: () => openImportDialog(this.ctx) }, locales[this.lang].importing.open)
        : null,
      this.reviewButton ?? null,
      h(
        "button",
        {
          type: "button",
          id: "logout",
          onclick: async () => {
            await logOut();
            window.location.reload();
          },
        },
        t.logout,
      ),
    );
    void this.updateReviewCount();
  }

  private async updateReviewCount(): Promise<void> {
    if (!this.reviewButton) return;
    const t = locales[this.lang].edit;
    try {
      const { count } = await this.ctx.api.reviewQueue();
      this.reviewButton.textContent = t.reviewCount(count);
      this.reviewButton.dataset.count = String(count);
    } catch {
      this.reviewButton.textContent = t.review;
    }
  }

  /** The details panel's editing buttons for one entity. */
  controls(ref: EntityRef, data: Record<string, unknown>): HTMLElement {
    const t = locales[this.lang].edit;
    const name = String(data.label ?? data[entityKinds[labelOf[ref.kind]].nameProperty] ?? ref.slug);
    const version = async () => (await this.ctx.api.history(ref)).version;
    const edit = async () =>
      openEntityForm(this.ctx, { kind: ref.kind, current: { slug: ref.slug, data: entityProperties(data), version: await version() } });
    if (modeOf(this.session) === "suggest")
      return h("div", { className: "edit-actions" }, h("button", { type: "button", id: "suggest", onclick: () => void edit() }, t.suggest));
    return h(
      "div",
      { className: "edit-actions" },
      h("button", { type: "button", id: "edit-entity", onclick: () => void edit() }, t.edit),
      h("button", { type: "button", id: "add-link", onclick: () => openLinkForm(this.ctx, ref, name) }, t.addLink),
      h(
        "button",
        { type: "button", id: "delete-entity", onclick: async () => openDeleteForm(this.ctx, ref, name, await version()) },
        t.delete,
      ),
    );
  }

  /** The details panel's *Historique* section. */
  history(ref: EntityRef): HTMLElement {
    return historyView(this.ctx, ref);
  }
}

/**
 * The entity's own properties from its node's data, where the explorer renamed two: its kind
 * ("cooperative") is `subkind` beside the explorer's `kind` ("ally"), and a location of its own is
 * latitude and longitude (one the gazetteer derived is not the entity's to edit).
 */
function entityProperties(data: Record<string, unknown>): Record<string, unknown> {
  const { kind: _explorerKind, subkind, latitude, longitude, ...props } = data;
  return {
    ...props,
    kind: subkind ?? undefined,
    ...(props.locationPrecision === "seed" && typeof latitude === "number" ? { location: { latitude, longitude } } : {}),
  };
}
