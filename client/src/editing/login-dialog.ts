import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { h } from "../ui/dom.ts";
import { labelled } from "./fields.ts";
import { logIn } from "./session.ts";

/**
 * *Se connecter*: username and password; on success the page reloads with its session (the cookie is
 * httpOnly: the page never holds the token). `standalone`: a private deployment shows only this.
 */
export function openLoginDialog(lang: Lang, standalone = false): HTMLDialogElement {
  const t = locales[lang].edit;
  const username = h("input", { type: "text", name: "username", autocomplete: "username", required: true });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
  const problem = h("p", { className: "field-error", role: "alert" });
  const submit = h("button", { type: "submit", className: "primary" }, t.login);
  const dialog = h("dialog", { className: "change-dialog login-dialog", "aria-labelledby": "login-title" });
  const form = h(
    "form",
    { method: "dialog" },
    h("h2", { id: "login-title" }, t.login),
    standalone ? h("p", {}, t.privateDeployment) : null,
    labelled(t.username, username).element,
    labelled(t.password, password).element,
    problem,
    h(
      "div",
      { className: "dialog-actions" },
      submit,
      standalone ? null : h("button", { type: "button", onclick: () => dialog.close() }, t.cancel),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    submit.disabled = true;
    const result = await logIn(username.value.trim(), password.value).catch(() => ({ ok: false as const }));
    submit.disabled = false;
    if (result.ok) return window.location.reload();
    problem.textContent = "retryAfter" in result && result.retryAfter ? t.tooManyAttempts(result.retryAfter) : t.loginFailed;
    password.select();
  });
  if (standalone) dialog.addEventListener("cancel", (event) => event.preventDefault());
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  username.focus();
  return dialog;
}
