import type { EdgeSingular, NodeSingular } from "cytoscape";
import type { Api } from "../api/graphql-client.ts";
import type { EntityRef, Provenance, SourceInfo } from "../api/types.ts";
import { entityPath, refOfNodeId } from "../state/url-state.ts";
import { clear, h } from "./dom.ts";
import { edgeNames, kindNames, type Lang, statusNames, strings, subkindNames } from "./i18n.ts";
import { swatch } from "./legend.ts";

export interface DetailsActions {
  land(ref: EntityRef): void;
  toggleExpand(nodeId: string): void;
  isExpanded(nodeId: string): boolean;
  setFocus(nodeId: string, depth: number | null): void;
  focusDepth(): number | null;
  setPathEnd(end: "from" | "to", ref: EntityRef): void;
  copy(text: string, button: HTMLButtonElement): void;
  close(): void;
}

const propertyNames: Record<Lang, Record<string, string>> = {
  fr: {
    subkind: "Type", inseeCode: "Code INSEE", siren: "SIREN", population: "Habitants", populationYear: "Année de la population", areaKm2: "Superficie (km²)",
    regionName: "Région", aliases: "Autres noms", legalForm: "Forme juridique", description: "Description", website: "Site web",
    organisationCount: "Organisations", personCount: "Personnes", summary: "Résumé", status: "État", startDate: "Début", endDate: "Fin",
    plannedEndDate: "Fin prévue", steps: "Étapes", role: "Rôle", programme: "Programme", season: "Saison", startYear: "Année de début",
    endYear: "Année de fin", title: "Titre", publisher: "Éditeur", year: "Année", printer: "Impression", note: "Note", location: "Position",
    kind: "Type", name: "Nom", pageTitle: "Page de l'initiative", regionCode: "Code de la région", slug: "Identifiant",
  },
  en: {
    subkind: "Kind", inseeCode: "INSEE code", siren: "SIREN", population: "Inhabitants", populationYear: "Population year", areaKm2: "Area (km²)",
    regionName: "Région", aliases: "Other names", legalForm: "Legal form", description: "Description", website: "Website",
    organisationCount: "Organisations", personCount: "People", summary: "Summary", status: "Status", startDate: "Start", endDate: "End",
    plannedEndDate: "Planned end", steps: "Steps", role: "Role", programme: "Programme", season: "Season", startYear: "Start year",
    endYear: "End year", title: "Title", publisher: "Publisher", year: "Year", printer: "Printer", note: "Note", location: "Position",
    kind: "Kind", name: "Name", pageTitle: "Initiative page", regionCode: "Région code", slug: "Identifier",
  },
};
const shownProperties = Object.keys(propertyNames.fr).filter((key) => !["location", "kind", "name", "pageTitle", "regionCode", "slug", "title"].includes(key));
const plainNumbers = new Set(["season", "startYear", "endYear", "year", "populationYear"]); // years are not "2 023"

/** The details of the selected entity: properties, sources with their quotes, neighbours, actions, embed code. */
export class DetailsPanel {
  private requested = "";

  constructor(
    private readonly container: HTMLElement,
    private readonly api: Api,
    private readonly actions: DetailsActions,
    private readonly sources: () => Map<string, SourceInfo>,
  ) {}

  clear(): void {
    this.requested = "";
    clear(this.container);
    this.container.hidden = true;
  }

  show(node: NodeSingular, lang: Lang): void {
    const t = strings[lang];
    const ref = refOfNodeId(node.id());
    this.requested = node.id();
    const provenance = h("div", { className: "provenance" }, h("p", { className: "muted" }, t.loading));
    const collaborators = h("div", { className: "collaborators" }, h("p", { className: "muted" }, t.loading));
    const depth = this.actions.focusDepth();
    const permalink = new URL(entityPath(ref), window.location.origin).href;
    const embedUrl = new URL(entityPath(ref, true), window.location.origin).href;
    const snippet = `<iframe src="${embedUrl}" width="720" height="480" style="border:0" loading="lazy" title="${escapeAttribute(String(node.data("label")))} — ${escapeAttribute(t.title)}"></iframe>`;
    const copyLink = h("button", { type: "button", onclick: (e: Event) => this.actions.copy(permalink, e.currentTarget as HTMLButtonElement) }, t.copyLink);
    const copyEmbed = h("button", { type: "button", onclick: (e: Event) => this.actions.copy(snippet, e.currentTarget as HTMLButtonElement) }, t.copyLink.replace(/lien|link/, "code"));

    clear(
      this.container,
      h(
        "header",
        { className: "details-header" },
        h("h2", { id: "details-title", tabindex: "-1" }, swatch(ref.kind), " ", String(node.data("label"))),
        h("p", { className: "kind" }, kindNames[lang][ref.kind], node.data("subkind") ? ` · ${subkindNames[lang][node.data("subkind")] ?? node.data("subkind")}` : ""),
        h("button", { type: "button", className: "close", "aria-label": t.close, onclick: () => this.actions.close() }, "×"),
      ),
      h(
        "div",
        { className: "actions" },
        h("button", { type: "button", "aria-pressed": String(this.actions.isExpanded(node.id())), onclick: () => this.actions.toggleExpand(node.id()) }, this.actions.isExpanded(node.id()) ? t.collapse : t.expand),
        h(
          "label",
          { className: "focus-control" },
          `${t.focus} `,
          h(
            "select",
            { "aria-label": `${t.focus} — ${t.focusDepth}`, onchange: (e: Event) => this.actions.setFocus(node.id(), Number((e.target as HTMLSelectElement).value) || null) },
            [h("option", { value: "0", selected: depth === null }, t.focusOff), ...[1, 2, 3].map((d) => h("option", { value: String(d), selected: depth === d }, `${t.focusDepth} ${d}`))],
          ),
        ),
        h("button", { type: "button", onclick: () => this.actions.setPathEnd("from", ref) }, t.pathStart),
        h("button", { type: "button", onclick: () => this.actions.setPathEnd("to", ref) }, t.pathEnd),
        copyLink,
      ),
      h("h3", {}, t.properties),
      this.properties(node, lang),
      h("h3", {}, t.sources),
      provenance,
      ref.kind === "ally" || ref.kind === "person" ? [h("h3", {}, t.workedWith), collaborators] : null,
      h("h3", {}, t.neighbours),
      this.neighbours(node, lang),
      h("details", { className: "embed" }, h("summary", {}, t.embed), h("p", {}, t.embedHelp), h("textarea", { readonly: true, rows: 4, "aria-label": t.embed }, snippet), copyEmbed),
    );
    this.container.hidden = false;
    void this.loadProvenance(ref, node.id(), provenance, lang);
    if (ref.kind === "ally" || ref.kind === "person") void this.loadCollaborators(ref, node.id(), collaborators);
  }

  /** Who worked with this ally or person, and why (shared territory, shared initiative, direct tie). */
  private async loadCollaborators(ref: EntityRef, nodeId: string, container: HTMLElement): Promise<void> {
    try {
      const collaborators = await this.api.collaborators(ref);
      if (this.requested !== nodeId) return;
      clear(
        container,
        collaborators.length === 0
          ? h("p", { className: "muted" }, "—")
          : h(
              "ul",
              { className: "neighbours" },
              collaborators.map((c) =>
                h(
                  "li",
                  {},
                  h("button", { type: "button", className: "link", onclick: () => this.actions.land({ kind: c.collaborator.kind, slug: c.collaborator.slug }) }, swatch(c.collaborator.kind), ` ${c.collaborator.name}`),
                  h("ul", { className: "reasons" }, c.reasons.map((reason) => h("li", {}, reason.description))),
                ),
              ),
            ),
      );
    } catch (error) {
      clear(container, h("p", { className: "error" }, (error as Error).message));
    }
  }

  private properties(node: NodeSingular, lang: Lang): HTMLElement {
    const t = strings[lang];
    const data = node.data() as Record<string, unknown>;
    const rows: HTMLElement[] = [];
    for (const key of shownProperties) {
      const value = data[key];
      if (value === undefined || value === null || value === "" || key === "subkind") continue;
      const shown = key === "organisationCount" && data.organisationCountIsMinimum ? `${lang === "fr" ? "plus de" : "more than"} ${formatValue(key, value, lang)}` : formatValue(key, value, lang);
      rows.push(h("dt", {}, propertyNames[lang][key]), h("dd", {}, shown));
    }
    if (typeof data.latitude === "number" && typeof data.longitude === "number") {
      const approximate = data.locationApproximate === true ? ` (${t.approximate})` : String(data.locationPrecision ?? "").startsWith("based-in") ? ` (${lang === "fr" ? "là où il est basé" : "where it is based"})` : "";
      rows.push(h("dt", {}, propertyNames[lang].location!), h("dd", {}, `${(data.latitude as number).toFixed(3)} N, ${(data.longitude as number).toFixed(3)} E${approximate}`));
    }
    if (data.pageTitle) {
      const page = data.pageUrl
        ? h("a", { href: String(data.pageUrl), target: "_blank", rel: "noopener" }, `« ${data.pageTitle} »`)
        : h("span", {}, `« ${data.pageTitle} » `, h("span", { className: "muted" }, t.initiativePageNoLink));
      rows.push(h("dt", {}, t.initiativePage), h("dd", {}, page));
    }
    return h("dl", { className: "properties" }, rows);
  }

  private neighbours(node: NodeSingular, lang: Lang): HTMLElement {
    const items = node.connectedEdges().map((edge) => {
      const outgoing = edge.source().id() === node.id();
      const other = outgoing ? edge.target() : edge.source();
      return h(
        "li",
        {},
        h("span", { className: "relation" }, describeEdge(edge, outgoing, lang)),
        " ",
        h("button", { type: "button", className: "link", onclick: () => this.actions.land(refOfNodeId(other.id())) }, swatch(other.data("kind")), ` ${other.data("label")}`),
        edge.data("quote") ? h("blockquote", { className: "edge-quote" }, `« ${edge.data("quote")} »`, this.sourceCite(edge.data("sourceDocument"))) : null,
      );
    });
    return h("ul", { className: "neighbours" }, items);
  }

  private sourceCite(slug: unknown): HTMLElement | null {
    if (typeof slug !== "string") return null;
    const source = this.sources().get(slug);
    return h("cite", {}, ` — ${source?.title ?? slug}`);
  }

  private async loadProvenance(ref: EntityRef, nodeId: string, container: HTMLElement, lang: Lang): Promise<void> {
    let provenance: Provenance[];
    try {
      provenance = await this.api.provenance(ref);
    } catch (error) {
      clear(container, h("p", { className: "error" }, (error as Error).message));
      return;
    }
    if (this.requested !== nodeId) return;
    clear(
      container,
      h(
        "ul",
        {},
        provenance.map((p) =>
          h(
            "li",
            {},
            h("strong", {}, p.source.title),
            h("span", { className: "muted" }, ` — ${p.source.publisher}`),
            h("div", { className: "fields" }, p.fields.map((f) => propertyNames[lang][f] ?? f).join(", ")),
            p.quotes.map((quote) => h("blockquote", {}, `« ${quote} »`)),
          ),
        ),
      ),
    );
  }
}

function describeEdge(edge: EdgeSingular, outgoing: boolean, lang: Lang): string {
  const name = edgeNames[lang][edge.data("type")] ?? edge.data("type");
  const season = edge.data("season") ? ` (${lang === "fr" ? "saison" : "season"} ${edge.data("season")})` : "";
  const role = edge.data("role") ? ` — ${edge.data("role")}` : "";
  return `${outgoing ? "→" : "←"} ${name}${season}${role}`;
}

function formatValue(key: string, value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.join(" ; ");
  if (key === "status") return statusNames[lang][String(value)] ?? String(value);
  if (typeof value === "number") return plainNumbers.has(key) ? String(value) : value.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB");
  if (typeof value === "boolean") return value ? strings[lang].yes : strings[lang].no;
  return String(value);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
