import type { EntityRef } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { kindName, relationshipKinds, relationshipName, type Property } from "../../../core/model/index.ts";
import { linkChoices } from "./link-choices.ts";
import { clear, h } from "../ui/dom.ts";
import { openChangeDialog, type EditingContext } from "./change-dialog.ts";
import { errorSetter, labelled, propertyField, type FormField } from "./fields.ts";

/**
 * *Ajouter un lien*: a type the model allows for this kind, the other end picked by search or by a
 * click in the graph (the dialog is not modal for that), and the relationship's own properties.
 */
export function openLinkForm(ctx: EditingContext, self: EntityRef, selfName: string): void {
  const t = locales[ctx.lang].edit;
  const choices = linkChoices(self.kind);
  const select = h(
    "select",
    { name: "link-type" },
    choices.map((c, i) =>
      h(
        "option",
        { value: String(i) },
        `${c.out ? "→" : "←"} ${relationshipName(c.type, ctx.lang)} (${c.others.map((k) => kindName(k, ctx.lang)).join(", ")})`,
      ),
    ),
  );
  const typeParts = labelled(t.linkType, select);
  const chosen = () => choices[Number(select.value)]!;

  let other: { ref: EntityRef; name: string } | undefined;
  const searchInput = h("input", { type: "search", name: "link-other", autocomplete: "off" });
  const results = h("ul", { className: "link-results" });
  const picked = h("p", { className: "picked", "aria-live": "polite" });
  const otherParts = labelled(t.linkOther, searchInput, t.linkOtherHelp);
  otherParts.element.append(results, picked);
  const pick = (ref: EntityRef, name: string) => {
    if (!chosen().others.includes(ref.kind)) return;
    other = { ref, name };
    picked.textContent = t.picked(name);
    clear(results);
    otherField.setError(undefined);
  };
  let searching: AbortController | undefined;
  searchInput.addEventListener("input", async () => {
    searching?.abort();
    const text = searchInput.value.trim();
    if (text.length < 2) return clear(results);
    searching = new AbortController();
    try {
      const hits = (await ctx.api.search(text, 10, searching.signal)).filter((hit) => chosen().others.includes(hit.kind));
      clear(
        results,
        hits.map((hit) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", className: "link", onclick: () => pick({ kind: hit.kind, slug: hit.slug }, hit.name) },
              `${hit.name} — ${kindName(hit.kind, ctx.lang)}`,
            ),
          ),
        ),
      );
    } catch {
      // a newer search replaced this one
    }
  });
  const otherField: FormField = {
    key: "operations[0].relationship.to",
    element: otherParts.element,
    read: () => other,
    check: () => (other ? undefined : t.required),
    setError: errorSetter(otherParts.error, searchInput),
  };
  // The other end may be the relationship's source: its problems come back at ".from".
  const fromField: FormField = {
    ...otherField,
    key: "operations[0].relationship.from",
    element: h("span", { hidden: true }),
    check: () => undefined,
  };

  const propertiesBox = h("div", { className: "link-properties" });
  let propertyFields: FormField[] = [];
  const renderProperties = () => {
    const definition = relationshipKinds[chosen().type];
    propertyFields = Object.entries(definition.properties as Readonly<Record<string, Property>>).map(([name, property]) =>
      propertyField(
        `operations[0].relationship.properties.${name}`,
        name,
        property,
        undefined,
        ctx.lang,
        (definition.key as readonly string[]).includes(name) || property.required === true,
      ),
    );
    clear(
      propertiesBox,
      propertyFields.map((f) => f.element),
    );
    if (other && !chosen().others.includes(other.ref.kind)) {
      other = undefined;
      picked.textContent = "";
    }
  };
  select.addEventListener("change", renderProperties);
  renderProperties();
  const typeField: FormField = {
    key: "operations[0].relationship.type",
    element: typeParts.element,
    read: () => chosen().type,
    check: () => undefined,
    setError: errorSetter(typeParts.error, select),
  };
  const dialogFields: FormField[] = [
    typeField,
    otherField,
    fromField,
    {
      key: "operations[0].relationship.properties",
      element: propertiesBox,
      read: () => undefined,
      check: () => undefined,
      setError: () => undefined,
    },
  ];
  if (choices.length === 0) dialogFields.splice(0, 2, { ...typeField, element: h("p", {}, t.noLinkType) });
  // While the form is open, a click on a node of the graph picks it as the other end.
  let stop: (() => void) | undefined = undefined;
  stop = ctx.pickNode(function listen(ref, name) {
    pick(ref, name);
    stop = ctx.pickNode(listen);
  });
  openChangeDialog(ctx, {
    title: `${t.addLink} — ${selfName}`,
    modal: false,
    fields: dialogFields.concat(propertyFieldsProxy()),
    operations: async () => {
      if (!other) return undefined;
      const choice = chosen();
      const properties: Record<string, unknown> = {};
      for (const field of propertyFields) {
        const value = field.read();
        if (value !== undefined) properties[field.key.split(".").at(-1)!] = value;
      }
      const [from, to] = choice.out ? [self, other.ref] : [other.ref, self];
      return [{ op: "CREATE_RELATIONSHIP", relationship: { type: choice.type, from, to, properties } }];
    },
    onDone: async () => ctx.refresh(self),
    onClose: () => stop?.(),
  });

  /** The property fields change with the type: the dialog reaches them through these stand-ins. */
  function propertyFieldsProxy(): FormField[] {
    return ["season", "startYear", "endYear", "role", "nature"].map((name) => ({
      key: `operations[0].relationship.properties.${name}`,
      element: h("span", { hidden: true }),
      read: () => undefined,
      check: () => propertyFields.find((f) => f.key.endsWith(`.${name}`))?.check(),
      setError: (message: string | undefined) => propertyFields.find((f) => f.key.endsWith(`.${name}`))?.setError(message),
    }));
  }
}
