import { nodeId } from "../../../core/ids.ts";
import { locales } from "../../../core/locales/index.ts";
import { kindName, type Kind, type Lang } from "../../../core/model/index.ts";
import { ApiError, describeError } from "../api/api-error.ts";
import type { EntityRef, NearHit } from "../api/types.ts";
import { entityKinds } from "../graph/kind-styles.ts";
import type { Filters } from "../graph/visibility.ts";
import { clear, h } from "./dom.ts";
import { swatch } from "./legend.ts";

export interface FilterOptions {
  seasons: { season: number; label: string }[];
  themes: { slug: string; name: string }[];
  regions: { code: string; name: string }[];
}

export interface ControlsActions {
  patchFilters(patch: Partial<Filters>): void;
  near(place: string, radiusKm: number, theme: string | null): void;
  clearNear(): void;
  showPaths(): void;
  clearPaths(): void;
  land(ref: EntityRef): void;
}

/** The left panel: filters, "allies near…", "how are these connected?", and the legend. */
export class ControlsPanel {
  readonly legend = h("div", { id: "legend" });
  private readonly nearResults = h("div", { className: "near-results", "aria-live": "polite" });
  private readonly pathStatus = h("div", { className: "path-status", "aria-live": "polite" });

  constructor(
    private readonly container: HTMLElement,
    private readonly lang: Lang,
    private readonly actions: ControlsActions,
    private readonly slots: { afterFilters: HTMLElement[]; atEnd: HTMLElement[] } = { afterFilters: [], atEnd: [] },
  ) {}

  render(
    filters: Filters,
    options: FilterOptions,
    near: { place: string; radiusKm: number; theme: string | null } | null,
    path: { from: EntityRef | null; to: EntityRef | null; names: Record<string, string> },
  ): void {
    const t = locales[this.lang].ui;
    const kindBoxes = entityKinds.map((kind) =>
      h(
        "label",
        { className: "check" },
        h("input", {
          type: "checkbox",
          name: "kind",
          value: kind,
          checked: !filters.kinds || filters.kinds.includes(kind),
          onchange: () => this.actions.patchFilters({ kinds: this.checkedKinds() }),
        }),
        swatch(kind),
        ` ${kindName(kind, this.lang)}`,
      ),
    );
    const select = (
      id: string,
      label: string,
      all: string,
      values: { value: string; label: string }[],
      current: string | null,
      change: (value: string | null) => void,
    ) =>
      h(
        "label",
        { className: "field" },
        label,
        h(
          "select",
          { id, onchange: (e: Event) => change((e.target as HTMLSelectElement).value || null) },
          h("option", { value: "" }, all),
          values.map((v) => h("option", { value: v.value, selected: v.value === current }, v.label)),
        ),
      );
    const placeInput = h("input", {
      type: "text",
      id: "near-place",
      name: "place",
      required: true,
      value: near?.place ?? "",
      autocomplete: "off",
      placeholder: "Lille",
    });
    const radiusInput = h("input", {
      type: "number",
      id: "near-radius",
      name: "radius",
      min: "1",
      max: "1000",
      step: "1",
      value: String(near?.radiusKm ?? 50),
    });
    const nearTheme = h(
      "select",
      { id: "near-theme", name: "theme" },
      h("option", { value: "" }, t.allThemes),
      options.themes.map((th) => h("option", { value: th.slug, selected: th.slug === near?.theme }, th.name)),
    );
    const refName = (ref: EntityRef | null): string => (ref ? (path.names[nodeId(ref)] ?? ref.slug) : "—");

    clear(
      this.container,
      h(
        "section",
        { "aria-labelledby": "filters-title" },
        h("h2", { id: "filters-title" }, t.filters),
        h("fieldset", { className: "kinds" }, h("legend", {}, t.kinds), kindBoxes),
        select(
          "filter-season",
          t.season,
          t.allSeasons,
          options.seasons.map((s) => ({ value: String(s.season), label: s.label })),
          filters.season === null ? null : String(filters.season),
          (v) => this.actions.patchFilters({ season: v === null ? null : Number(v) }),
        ),
        select(
          "filter-theme",
          t.theme,
          t.allThemes,
          options.themes.map((th) => ({ value: th.slug, label: th.name })),
          filters.theme,
          (v) => this.actions.patchFilters({ theme: v }),
        ),
        select(
          "filter-region",
          t.region,
          t.allRegions,
          options.regions.map((r) => ({ value: r.code, label: r.name })),
          filters.region,
          (v) => this.actions.patchFilters({ region: v }),
        ),
      ),
      this.slots.afterFilters,
      h(
        "section",
        { "aria-labelledby": "near-title" },
        h("h2", { id: "near-title" }, t.near),
        h(
          "form",
          {
            id: "near-form",
            onsubmit: (event: Event) => {
              event.preventDefault();
              this.actions.near(placeInput.value.trim(), Number(radiusInput.value) || 50, nearTheme.value || null);
            },
          },
          h("label", { className: "field" }, t.nearPlace, placeInput),
          h("label", { className: "field" }, t.nearRadius, radiusInput),
          h("label", { className: "field" }, locales[this.lang].structure.nearTheme, nearTheme),
          h(
            "div",
            { className: "row" },
            h("button", { type: "submit" }, t.nearSubmit),
            near ? h("button", { type: "button", onclick: () => this.actions.clearNear() }, t.clear) : null,
          ),
        ),
        this.nearResults,
      ),
      h(
        "section",
        { "aria-labelledby": "paths-title" },
        h("h2", { id: "paths-title" }, t.paths),
        h(
          "p",
          { className: "path-ends" },
          t.pathFrom,
          h("strong", { id: "path-from" }, refName(path.from)),
          h("br", {}),
          t.pathTo,
          h("strong", { id: "path-to" }, refName(path.to)),
        ),
        path.from && path.to
          ? h(
              "div",
              { className: "row" },
              h("button", { type: "button", id: "path-submit", onclick: () => this.actions.showPaths() }, t.pathSubmit),
              h("button", { type: "button", onclick: () => this.actions.clearPaths() }, t.clear),
            )
          : h("p", { className: "muted" }, t.pathPick),
        this.pathStatus,
      ),
      h("section", { "aria-labelledby": "legend-title" }, h("h2", { id: "legend-title" }, t.legend), this.legend),
      this.slots.atEnd,
    );
  }

  showNearResults(hits: NearHit[] | null, error?: unknown, pickCandidate?: (label: string) => void): void {
    const t = locales[this.lang].ui;
    if (error) {
      const candidates = error instanceof ApiError ? error.candidates : [];
      clear(
        this.nearResults,
        h("p", { className: "error", role: "alert" }, describeError(error, this.lang)),
        candidates.length
          ? h(
              "ul",
              { className: "candidates" },
              candidates.map((c) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    { type: "button", className: "link", onclick: () => pickCandidate?.(`${c.name} (${c.departement})`) },
                    c.label,
                  ),
                ),
              ),
            )
          : null,
      );
      return;
    }
    if (!hits) {
      clear(this.nearResults);
      return;
    }
    clear(
      this.nearResults,
      hits.length === 0
        ? h("p", {}, t.nearNone)
        : h(
            "ol",
            { className: "near-list" },
            hits.map((hit) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", className: "link", onclick: () => this.actions.land({ kind: "ally", slug: hit.ally.slug }) },
                  hit.ally.name,
                ),
                ` — ${t.kmFrom(hit.distanceKm, hit.via?.name ?? "?")}`,
                hit.approximate ? h("span", { className: "muted" }, ` (${t.approximate})`) : null,
              ),
            ),
          ),
    );
  }

  showPathStatus(message: string): void {
    clear(this.pathStatus, message ? h("p", {}, message) : null);
  }

  private checkedKinds(): Kind[] | null {
    const boxes = [...this.container.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
    const checked = boxes.filter((box) => box.checked).map((box) => box.value as Kind);
    return checked.length === boxes.length ? null : checked;
  }
}
