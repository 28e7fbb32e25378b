import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import type { EntityRef } from "../api/types.ts";
import type { StructureInfo } from "../explorer/structure.ts";
import { clear, h } from "./dom.ts";

export interface StructureActions {
  focusCommunity(id: number | null): void;
  land(ref: EntityRef): void;
}

const shownCommunities = 12; // the largest; singletons (isolated entities) are not listed

/**
 * *Structure*: the communities (largest first; a click brings one forward) and the brokers, each
 * with a plain sentence saying why it is one ("relie 3 communautés et 2 régions").
 */
export class StructurePanel {
  readonly element = h("section", { className: "structure-panel", "aria-labelledby": "structure-title" });

  constructor(
    private readonly lang: Lang,
    private readonly actions: StructureActions,
  ) {}

  render(info: StructureInfo | undefined, focused: number | null, error?: string): void {
    const t = locales[this.lang].structure;
    const title = h("h2", { id: "structure-title" }, t.structure);
    if (!info) {
      clear(this.element, title, h("p", { className: error ? "error" : "muted" }, error ?? t.metricsLoading));
      return;
    }
    const communities = info.communities.filter((c) => c.size > 1).slice(0, shownCommunities);
    const focusedName = info.communities.find((c) => c.id === focused)?.name;
    clear(
      this.element,
      title,
      h("p", { className: "muted" }, t.structureOf(info.networkMetrics.entities, info.networkMetrics.communities)),
      info.networkMetrics.betweennessSampled ? h("p", { className: "muted", id: "betweenness-sampled" }, t.sampled) : null,
      h("h3", {}, t.communities),
      focusedName
        ? h(
            "p",
            { className: "community-focused" },
            t.communityFocused(focusedName),
            " ",
            h("button", { type: "button", className: "link", onclick: () => this.actions.focusCommunity(null) }, t.showAll),
          )
        : null,
      h(
        "ol",
        { className: "community-list" },
        communities.map((c) =>
          h(
            "li",
            { dataset: { community: String(c.id) } },
            h(
              "button",
              {
                type: "button",
                className: "link",
                "aria-pressed": String(c.id === focused),
                onclick: () => this.actions.focusCommunity(c.id === focused ? null : c.id),
              },
              c.name,
            ),
            h("span", { className: "muted" }, ` — ${t.communitySize(c.size)}`),
          ),
        ),
      ),
      h("h3", {}, t.brokers),
      h("p", { className: "muted" }, t.brokersHelp),
      info.brokers.length === 0
        ? h("p", {}, t.noBrokers)
        : h(
            "ol",
            { className: "broker-list" },
            info.brokers.map((b) =>
              h(
                "li",
                { dataset: { slug: b.entity.slug } },
                h("button", { type: "button", className: "link", onclick: () => this.actions.land(b.entity) }, b.entity.name),
                h("span", { className: "broker-why" }, ` ${t.brokerSpans(b.spans)}`),
              ),
            ),
          ),
    );
  }
}
