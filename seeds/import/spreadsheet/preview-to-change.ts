import type { ImportPreview, PreviewRow } from "../../../core/import-preview.ts";
import { relationshipKey } from "../../../core/change-keys.ts";
import { entityKinds, labelOf, type Kind, type RelationshipType } from "../../../core/model/index.ts";
import type { ChangeInput, OperationInput } from "../../changes/change-input.ts";

/** The spreadsheet as the document the change cites: its title (the file's, unless named), publisher, year. */
export interface SpreadsheetSource {
  title: string;
  publisher: string;
  year?: number | undefined;
}

/**
 * One change for the whole file: what its rows create, the updates of what the graph has (only
 * what a row adds or changes, naming the version read), the places and themes they need, and the
 * relationships, each fact quoting its row ("ligne 12 — Nom : …"). Rows left out (problems, to
 * decide, dropped) and what the graph holds already are not in it.
 */
export function changeOfPreview(
  preview: ImportPreview,
  source: SpreadsheetSource,
  versions: Map<string, number>, // "Label/slug" → the version of each entity the change updates
  note?: string,
): ChangeInput {
  const entityOps: OperationInput[] = [];
  const relationshipOps: OperationInput[] = [];
  const seenRelationships = new Set<string>();
  const created = new Set<string>(); // "kind/slug" of the entities the rows create
  const neededNew = new Map<string, { kind: Kind; slug: string; line: number }>();
  const byEntity = new Map<string, PreviewRow[]>();
  for (const row of preview.rows) {
    if (!row.entity || !["create", "update", "same-as-row"].includes(row.action)) continue;
    const key = `${row.entity.kind}/${row.entity.slug}`;
    byEntity.set(key, [...(byEntity.get(key) ?? []), row]);
  }
  const quoteOf = (line: number) => preview.rows.find((r) => r.line === line)!.quote;

  const relate = (
    type: string,
    from: { kind: Kind; slug: string },
    to: { kind: Kind; slug: string },
    props: Record<string, unknown>,
    quote: string,
  ) => {
    const key = relationshipKey(
      type as RelationshipType,
      { label: labelOf[from.kind], slug: from.slug },
      { label: labelOf[to.kind], slug: to.slug },
      props,
    );
    if (seenRelationships.has(key)) return;
    seenRelationships.add(key);
    relationshipOps.push({ op: "CREATE_RELATIONSHIP", relationship: { type, from, to, properties: props }, quote });
  };

  for (const [key, rows] of byEntity) {
    const first = rows[0]!;
    const entity = { kind: first.entity!.kind, slug: first.entity!.slug };
    const label = labelOf[entity.kind];
    const quotes = rows.map((r) => r.quote);
    // Rows the same as a row that is left out (a problem, to decide, dropped) are left out with it.
    const main = rows.find((r) => r.action !== "same-as-row");
    if (!main) continue;
    if (main.action === "create") {
      const properties = Object.assign({}, ...rows.map((r) => r.values)) as Record<string, unknown>;
      entityOps.push({ op: "CREATE_ENTITY", entity, properties, quotes });
      created.add(key);
    } else if (main.changes.length > 0) {
      const properties = Object.fromEntries(main.changes.map((c) => [c.property, c.after]));
      entityOps.push({ op: "UPDATE_ENTITY", entity, version: versions.get(`${label}/${entity.slug}`) ?? 0, properties, quotes });
    }
    const placedBy = (entityKinds[label] as { placedBy?: string }).placedBy;
    for (const row of rows) {
      const place = row.place;
      if (place && placedBy && placedBy !== "itself" && !place.linked) {
        const territory = { kind: "territory" as const, slug: place.slug };
        if (!place.exists) neededNew.set(`territory/${place.slug}`, { ...territory, line: row.line });
        relate(placedBy, entity, territory, {}, row.quote);
      }
      for (const link of row.links) {
        if (link.exists) continue;
        const other = { kind: link.other.kind, slug: link.other.slug };
        if (!link.other.exists) neededNew.set(`${other.kind}/${other.slug}`, { ...other, line: row.line });
        const [from, to] = link.direction === "out" ? [entity, other] : [other, entity];
        relate(link.type, from, to, link.props, row.quote);
      }
    }
  }

  // The places and themes the rows need that neither the graph nor a row makes.
  const newOps: OperationInput[] = [];
  for (const [key, needed] of neededNew) {
    if (created.has(key)) continue;
    if (needed.kind === "territory") {
      const territory = preview.territories.find((t) => t.slug === needed.slug);
      if (!territory) continue;
      const code = territory.kind === "intercommunalité" ? { siren: territory.code } : { inseeCode: territory.code };
      newOps.push({
        op: "CREATE_ENTITY",
        entity: { kind: needed.kind, slug: needed.slug },
        properties: { name: territory.name, kind: territory.kind, ...code },
        quotes: [quoteOf(territory.rows[0] ?? needed.line)],
      });
    } else if (needed.kind === "theme") {
      const link = preview.rows.flatMap((r) => r.links).find((l) => l.other.kind === "theme" && l.other.slug === needed.slug)!;
      newOps.push({
        op: "CREATE_ENTITY",
        entity: { kind: needed.kind, slug: needed.slug },
        properties: { name: link.other.name },
        quotes: [quoteOf(needed.line)],
      });
    }
  }
  return {
    operations: [...newOps, ...entityOps, ...relationshipOps],
    source: { document: { title: source.title, publisher: source.publisher, ...(source.year ? { year: source.year } : {}) } },
    note:
      note ??
      `Import of ${preview.file}${preview.sheet ? ` (sheet ${preview.sheet})` : ""}: ${preview.counts.create} new, ${preview.counts.update} updated`,
  };
}
