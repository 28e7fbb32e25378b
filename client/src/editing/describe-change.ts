import { locales } from "../../../core/locales/index.ts";
import { kindName, labelOf, propertyName, relationshipName, type Kind, type Lang } from "../../../core/model/index.ts";
import type { ChangeInfo, OperationInput } from "../api/types.ts";
import { h } from "../ui/dom.ts";

const show = (value: unknown): string =>
  value === undefined || value === null
    ? "∅"
    : Array.isArray(value)
      ? value.join(" ; ")
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);

/** Who, when, what kind of change, from which source: the head of a history entry or of a change to review. */
export function changeHeader(change: ChangeInfo, lang: Lang): HTMLElement {
  const t = locales[lang].edit;
  const date = new Date(change.appliedAt ?? change.createdAt).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const source = change.source as {
    slug?: string | null;
    document?: { title: string } | null;
    statement?: { by: string; on: string } | null;
    quote?: string | null;
  };
  const named = source.document?.title ?? (source.statement ? `${source.statement.by} (${source.statement.on})` : (source.slug ?? ""));
  return h(
    "div",
    { className: "change-header" },
    h("strong", {}, t.changeKinds[change.kind] ?? change.kind),
    ` ${t.by(change.author, date)}`,
    change.revertedBy ? h("em", { className: "muted" }, ` — ${t.revertedBy}`) : null,
    h("div", { className: "change-source" }, `${t.source} : ${named}`),
    source.quote ? h("blockquote", {}, `« ${source.quote} »`) : null,
    change.note ? h("p", { className: "muted" }, change.note) : null,
  );
}

/** What an applied change did: each property before → after, each link added or removed. */
export function effectList(change: ChangeInfo, lang: Lang): HTMLElement {
  const t = locales[lang].edit;
  return h(
    "ul",
    { className: "diff" },
    change.effects
      .filter((e) => e.relationship !== "SOURCED_FROM")
      .map((effect) => {
        if (effect.target === "entity" && effect.entity) {
          const label = labelOf[effect.entity.kind as Kind];
          const before = (effect.before ?? {}) as Record<string, unknown>;
          const after = (effect.after ?? {}) as Record<string, unknown>;
          const op = effect.before === null ? "CREATE_ENTITY" : effect.after === null ? "DELETE_ENTITY" : "UPDATE_ENTITY";
          return h(
            "li",
            {},
            `${t.operations[op]} ${kindName(effect.entity.kind as Kind, lang).toLowerCase()} « ${effect.entity.name} »`,
            op === "UPDATE_ENTITY"
              ? h(
                  "ul",
                  {},
                  effect.fields.map((f) =>
                    h("li", {}, `${propertyName(f, lang, label)} : `, h("del", {}, show(before[f])), " → ", h("ins", {}, show(after[f]))),
                  ),
                )
              : null,
          );
        }
        const op = effect.before === null ? "CREATE_RELATIONSHIP" : "DELETE_RELATIONSHIP";
        return h(
          "li",
          {},
          `${t.operations[op]} ${effect.from?.slug} ${relationshipName(effect.relationship ?? "", lang)} ${effect.to?.slug}`,
        );
      }),
  );
}

/** What a pending change asks for (it has no effects yet): each operation, with the value it replaces when the page holds the entity. */
export function operationList(
  change: ChangeInfo,
  lang: Lang,
  current: (ref: { kind: Kind; slug: string }) => Record<string, unknown> | undefined,
): HTMLElement {
  const t = locales[lang].edit;
  const operations = (change.operations ?? []) as OperationInput[];
  const item = (op: OperationInput): HTMLElement => {
    if (op.relationship) {
      const r = op.relationship;
      return h("li", {}, `${t.operations[op.op]} ${r.from.slug} ${relationshipName(r.type, lang)} ${r.to.slug}`);
    }
    const label = op.entity ? labelOf[op.entity.kind] : undefined;
    return h(
      "li",
      {},
      `${t.operations[op.op]} ${op.entity ? `${kindName(op.entity.kind, lang).toLowerCase()} « ${op.entity.slug} »` : ""}`,
      h(
        "ul",
        {},
        Object.entries(op.properties ?? {}).map(([name, value]) => {
          const before = op.op === "UPDATE_ENTITY" && op.entity ? current(op.entity)?.[name] : undefined;
          return h(
            "li",
            {},
            `${propertyName(name, lang, label)} : `,
            op.op === "UPDATE_ENTITY" ? [h("del", {}, show(before)), " → "] : null,
            h("ins", {}, show(value)),
          );
        }),
      ),
    );
  };
  // An import's hundreds of operations: the first few, the rest drawn when asked for.
  const shown = 12;
  const list = h("ul", { className: "diff" }, operations.slice(0, operations.length > shown + 3 ? shown : undefined).map(item));
  if (operations.length <= shown + 3) return list;
  const rest = h("ul", { className: "diff" });
  const more = h(
    "details",
    { className: "more-operations", ontoggle: () => more.open && !rest.firstChild && rest.append(...operations.slice(shown).map(item)) },
    h("summary", {}, t.moreOperations(operations.length - shown)),
    rest,
  );
  return h("div", {}, list, more);
}
