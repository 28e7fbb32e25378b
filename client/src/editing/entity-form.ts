import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { entityKinds, givenPropertiesOf, kindName, kinds, labelOf, slugPattern, type Kind } from "../../../core/model/index.ts";
import { slugify } from "../../../core/text/normalize.ts";
import type { OperationInput } from "../api/types.ts";
import { h } from "../ui/dom.ts";
import { openChangeDialog, type EditingContext } from "./change-dialog.ts";
import { errorSetter, labelled, propertyField, type FormField } from "./fields.ts";

// Set by the loader, or not given in the page: the file a Source's text is in, where the gazetteer placed something.
const notInForms = new Set(["slug", "locationPrecision", "locationApproximate", "file"]);

/** *Nouvelle entité*: its kind first, then its form. */
export function chooseKindThenCreate(ctx: EditingContext): void {
  const t = locales[ctx.lang].edit;
  const select = h(
    "select",
    { id: "new-entity-kind" },
    kinds.map((kind) => h("option", { value: kind }, kindName(kind, ctx.lang))),
  );
  const dialog = h("dialog", { className: "change-dialog" });
  const form = h(
    "form",
    { method: "dialog" },
    h("h2", {}, t.newEntity),
    labelled(t.kind, select).element,
    h(
      "div",
      { className: "dialog-actions" },
      h("button", { type: "submit", className: "primary" }, t.confirm),
      h("button", { type: "button", onclick: () => dialog.close() }, t.cancel),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    dialog.close();
    dialog.remove();
    openEntityForm(ctx, { kind: select.value as Kind });
  });
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  select.focus();
}

/**
 * *Modifier* and *Nouvelle entité*: the fields of the kind, from the model (typed inputs, the enum's
 * values as choices). A commune's name is completed from the gazetteer (its INSEE code); an ally can
 * be placed in a commune at once (*Basé à*), which is added to the graph if it is not there.
 */
export function openEntityForm(
  ctx: EditingContext,
  target: { kind: Kind; current?: { slug: string; data: Record<string, unknown>; version: number } },
): void {
  const t = locales[ctx.lang].edit;
  const label = labelOf[target.kind];
  const definition = entityKinds[label];
  const current = target.current;
  const fields: FormField[] = [];
  const key = (name: string) => `operations[0].properties.${name}`;
  for (const [name, property] of Object.entries(givenPropertiesOf(label))) {
    if (notInForms.has(name)) continue;
    fields.push(propertyField(key(name), name, property, current?.data[name], ctx.lang, property.required === true));
  }
  const nameInput = (name: string) =>
    fields.find((f) => f.key === key(name))?.element.querySelector("input, textarea, select") as HTMLInputElement | null;

  // The slug is the permanent address: made from the name while creating, never changed after.
  const slugInput = h("input", {
    type: "text",
    name: "slug",
    value: current?.slug ?? "",
    readOnly: Boolean(current),
    pattern: slugPattern.source,
  });
  const slugParts = labelled(`${t.slug} *`, slugInput);
  const slugField: FormField = {
    key: "operations[0].entity.slug",
    element: slugParts.element,
    read: () => slugInput.value.trim(),
    check: () => (slugPattern.test(slugInput.value.trim()) ? undefined : t.required),
    setError: errorSetter(slugParts.error, slugInput),
  };
  const named = nameInput(definition.nameProperty);
  let slugEdited = Boolean(current);
  slugInput.addEventListener("input", () => void (slugEdited = true));
  named?.addEventListener("input", () => {
    if (slugEdited) return;
    slugInput.value = slugify(named.value);
    slugField.setError(undefined);
  });

  // A commune's name completes its INSEE code from the gazetteer.
  if (label === "Territory") {
    named?.addEventListener("change", async () => {
      const kind = nameInput("kind")?.value;
      const code = nameInput("inseeCode");
      if (kind !== "commune" || !code || code.value || !named.value.trim()) return;
      try {
        const place = await ctx.api.place(named.value.trim());
        code.value = place.inseeCode;
        named.value = place.name;
        if (!slugEdited) slugInput.value = slugify(place.name);
      } catch {
        // an unknown or ambiguous name: the server says so when the form is sent
      }
    });
  }

  // An ally's commune, when creating it.
  const basedInInput = h("input", { type: "text", name: "basedIn", autocomplete: "off" });
  const basedInParts = labelled(t.basedIn, basedInInput, t.basedInHelp);
  const basedIn: FormField | undefined =
    label === "Ally" && !current
      ? {
          key: "operations[1]",
          element: basedInParts.element,
          read: () => basedInInput.value.trim() || undefined,
          check: () => undefined,
          setError: errorSetter(basedInParts.error, basedInInput),
        }
      : undefined;

  const all = [...(current ? [] : [slugField]), ...fields, ...(basedIn ? [basedIn] : [])];
  openChangeDialog(ctx, {
    title: current
      ? `${t.edit} — ${String(current.data[definition.nameProperty] ?? current.slug)}`
      : `${t.newEntity} — ${kindName(target.kind, ctx.lang)}`,
    fields: all,
    operations: async () => {
      const ref: EntityRef = { kind: target.kind, slug: current?.slug ?? slugInput.value.trim() };
      const properties: Record<string, unknown> = {};
      for (const field of fields) {
        const name = field.key.slice(key("").length);
        const value = field.read();
        if (!current) {
          if (value !== undefined && !(value === false && field.element.classList.contains("checkbox"))) properties[name] = value;
        } else {
          const before = current.data[name] ?? (field.element.classList.contains("checkbox") ? false : null); // an unticked box is "not said"
          if (JSON.stringify(value ?? null) !== JSON.stringify(before)) properties[name] = value ?? null;
        }
      }
      if (current) return [{ op: "UPDATE_ENTITY", entity: ref, version: current.version, properties }];
      const operations: OperationInput[] = [{ op: "CREATE_ENTITY", entity: ref, properties }];
      const commune = basedIn?.read() as string | undefined;
      if (commune) {
        const place = await ctx.api.place(commune).catch(() => undefined);
        if (!place) {
          basedIn!.setError(locales[ctx.lang].errors.unknown({ query: commune, candidates: [] }));
          return undefined;
        }
        const known = await ctx.api.territoryByCode(place.inseeCode);
        const territory = { kind: "territory" as const, slug: known?.slug ?? slugify(place.name) };
        if (!known)
          operations.push({
            op: "CREATE_ENTITY",
            entity: territory,
            properties: { name: place.name, kind: "commune", inseeCode: place.inseeCode },
          });
        operations.push({ op: "CREATE_RELATIONSHIP", relationship: { type: "BASED_IN", from: ref, to: territory } });
      }
      return operations;
    },
    onDone: async (change) => {
      const created = change.status === "applied" ? { kind: target.kind, slug: current?.slug ?? slugInput.value.trim() } : undefined;
      if (created) await ctx.refresh(created);
    },
  });
}
