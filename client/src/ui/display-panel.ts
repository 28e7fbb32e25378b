import { locales } from "../../../core/locales/index.ts";
import type { Lang } from "../../../core/model/index.ts";
import { colorModes, type ColorMode, type SizeMode } from "../../../core/views/view-query.ts";
import type { Display } from "../state/url-state.ts";
import { clear, h } from "./dom.ts";

export interface DisplayActions {
  setDisplay(patch: Partial<Display>): void;
  setUntil(season: number | null): void;
}

export interface Season {
  season: number;
  label: string;
}

const stepMs = 1600; // how long the timeline shows each season when playing

/**
 * *Affichage* (size and colour of the nodes) and *Chronologie* (the graph season by season: a
 * slider, and a play button that walks through the seasons). Both only change the state; the
 * explorer's commit() draws it and writes it into the URL. Built once, then updated in place: a
 * slider rebuilt under the pointer would drop the drag.
 */
export class DisplayPanel {
  readonly element = h("div", { className: "display-panel" });
  private readonly size: HTMLSelectElement;
  private readonly color: HTMLSelectElement;
  private readonly slider = h("input", { type: "range", id: "timeline", min: "0", step: "1" });
  private readonly play = h("button", { type: "button", id: "timeline-play" });
  private readonly label = h("p", { id: "timeline-label", "aria-live": "polite" });
  private readonly timeline = h("section", { "aria-labelledby": "timeline-title", hidden: true });
  private seasons: Season[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly lang: Lang,
    private readonly actions: DisplayActions,
  ) {
    const t = locales[lang].structure;
    const sizeLabels: Record<SizeMode | "kind", string> = { kind: t.sizeKind, degree: t.sizeDegree, betweenness: t.sizeBetweenness };
    const colorLabels: Record<ColorMode, string> = {
      kind: t.colorKind,
      community: t.colorCommunity,
      region: t.colorRegion,
      theme: t.colorTheme,
    };
    this.size = h(
      "select",
      {
        id: "display-size",
        onchange: () => this.actions.setDisplay({ size: this.size.value === "kind" ? null : (this.size.value as SizeMode) }),
      },
      (["kind", "degree", "betweenness"] as const).map((mode) => h("option", { value: mode }, sizeLabels[mode])),
    );
    this.color = h(
      "select",
      { id: "display-color", onchange: () => this.actions.setDisplay({ color: this.color.value as ColorMode }) },
      colorModes.map((mode) => h("option", { value: mode }, colorLabels[mode])),
    );
    this.slider.addEventListener("input", () => {
      this.stop();
      const index = Number(this.slider.value);
      this.actions.setUntil(index >= this.seasons.length ? null : this.seasons[index]!.season);
    });
    this.play.addEventListener("click", () => this.toggle());
    clear(
      this.timeline,
      h("h2", { id: "timeline-title" }, t.timeline),
      h("div", { className: "row timeline-row" }, this.play, this.slider),
      this.label,
    );
    clear(
      this.element,
      h(
        "section",
        { "aria-labelledby": "display-title" },
        h("h2", { id: "display-title" }, t.display),
        h("label", { className: "field" }, t.sizeBy, this.size),
        h("label", { className: "field" }, t.colorBy, this.color),
      ),
      this.timeline,
    );
  }

  /** Shows the state: the display's choices, and the timeline's position with what is new in it. */
  update(display: Display, seasons: Season[], until: number | null, newCount: number): void {
    const t = locales[this.lang].structure;
    this.seasons = seasons;
    this.size.value = display.size ?? "kind";
    this.color.value = display.color;
    this.timeline.hidden = seasons.length < 2; // one season has no history to play
    // The slider's last stop is "every season"; the others are the seasons, in order.
    const index =
      until === null
        ? seasons.length
        : Math.max(
            0,
            seasons.findIndex((s) => s.season >= until),
          );
    const text = until === null || !seasons[index] ? t.timelineAll : t.timelineUntil(seasons[index].label);
    this.slider.max = String(seasons.length);
    this.slider.value = String(index);
    this.slider.setAttribute("aria-valuetext", text);
    this.slider.setAttribute("aria-label", t.timeline);
    this.play.textContent = this.timer ? t.pause : t.play;
    this.play.setAttribute("aria-pressed", String(this.timer !== undefined));
    clear(this.label, text, until === null ? null : h("span", { className: "muted" }, ` — ${t.timelineNew(newCount)}`));
  }

  /** Plays from the first season to the last, one step every stepMs; a second press pauses. */
  private toggle(): void {
    if (this.timer) {
      this.stop();
      this.actions.setDisplay({}); // redraws the button
      return;
    }
    const seasons = this.seasons;
    let index = 0;
    this.timer = setInterval(() => {
      index += 1;
      if (index >= seasons.length - 1) this.stop();
      if (index < seasons.length) this.actions.setUntil(seasons[index]!.season);
    }, stepMs);
    this.actions.setUntil(seasons[0]!.season);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
