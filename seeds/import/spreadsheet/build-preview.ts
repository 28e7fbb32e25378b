import type {
  CellIssue,
  ImportDecisions,
  ImportPreview,
  PreviewAction,
  PreviewMatch,
  PreviewPlace,
  PreviewRow,
} from "../../../core/import-preview.ts";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import { resolveAddress } from "../../../core/gazetteer/resolve-address.ts";
import { entityKinds, kindOf, labelOf, type Kind, type Label } from "../../../core/model/index.ts";
import { slugify } from "../../../core/text/normalize.ts";
import type { GraphSnapshot, SnapshotEntity } from "./graph-snapshot.ts";
import type { MappedColumn } from "./guess-mapping.ts";
import { candidateOf, MatchIndex, type Match, type MatchCandidate } from "./match-entities.ts";
import type { Table } from "./read-spreadsheet.ts";
import { resolveLinks, type LinkContext } from "./resolve-links.ts";
import { readRowValues, rowQuote } from "./row-values.ts";
import { territoryRow } from "./territory-row.ts";
import { TerritoryRegistry } from "./territory-registry.ts";
import { conflicts, leaveOutLinksToLeftOutRows, requireProperties, settle, type Work } from "./settle-rows.ts";

export interface PreviewInput {
  table: Table;
  kind: Kind;
  columns: MappedColumn[];
  gazetteer: Gazetteer;
  snapshot: GraphSnapshot;
  decisions?: ImportDecisions | undefined;
  mapping?: ImportPreview["mapping"] | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Every row of a sheet, read through the mapping and compared with the graph: what it will create,
 * update or leave, and why; problems at their cells. Deterministic, in memory, no writes: the
 * server runs it in a worker thread, the CLI in-process. Two passes: first each row's own values,
 * place and match (so that every row has its entity), then the links between rows and the graph.
 */
export function buildPreview(input: PreviewInput): ImportPreview {
  const { table, kind, columns, gazetteer, snapshot } = input;
  const label = labelOf[kind];
  const decisions = input.decisions ?? {};
  const byKey = new Map(snapshot.entities.map((e) => [`${e.label}/${e.slug}`, e]));
  const territories = new TerritoryRegistry(snapshot.entities);
  const codeOfTerritory = new Map(
    snapshot.entities.filter((e) => e.label === "Territory").map((e) => [e.slug, String(e.props.inseeCode ?? e.props.siren ?? e.slug)]),
  );
  const placesOf = (entity: SnapshotEntity): string[] =>
    entity.label === "Territory"
      ? [codeOfTerritory.get(entity.slug)!]
      : entity.relationships
          .filter((r) => r.out && (r.type === "BASED_IN" || r.type === "LOCATED_IN"))
          .map((r) => codeOfTerritory.get(r.slug) ?? r.slug);
  const graphIndex = new MatchIndex(
    snapshot.entities.filter((e) => e.label !== "Source").map((e) => candidateOf({ ...e, places: placesOf(e) })),
  );
  const fileIndex = new MatchIndex();
  const linkIndex = new MatchIndex(
    snapshot.entities.filter((e) => e.label !== "Source").map((e) => candidateOf({ ...e, places: placesOf(e) })),
  );
  const slugs = new Set(snapshot.entities.filter((e) => e.label === label).map((e) => e.slug));
  const dropped = new Set(decisions.drop ?? []);
  const works: Work[] = [];
  const workAt = new Map<number, Work>();
  const graphRows = new Map<string, PreviewRow>(); // "Label/slug" → the first row about that entity of the graph

  table.rows.forEach((tableRow, index) => {
    input.onProgress?.(index, table.rows.length);
    const fixes = decisions.fixes?.[String(tableRow.line)] ?? {};
    const cells = tableRow.cells.map((cell, i) =>
      Object.hasOwn(fixes, table.headers[i]!) ? fixes[table.headers[i]!]?.trim() || null : cell,
    );
    const row: PreviewRow = {
      line: tableRow.line,
      action: "create",
      cells,
      entity: undefined,
      values: {},
      changes: [],
      place: undefined,
      links: [],
      match: undefined,
      alternatives: [],
      problems: [],
      notes: [],
      quote: rowQuote(tableRow.line, columns, cells),
    };
    if (dropped.has(tableRow.line)) {
      row.action = "dropped";
      works.push({ row, values: readRowValues(kind, columns, cells, []), label, existing: undefined });
      return;
    }
    const values = readRowValues(
      kind,
      columns,
      cells,
      tableRow.formulas.filter((i) => !Object.hasOwn(fixes, table.headers[i]!)),
    );
    row.problems.push(...values.problems);
    row.notes.push(...values.notes);
    const placeColumn = (part: string) => columns.find((c) => c.target === `place:${part}`)?.header ?? null;
    if (label === "Territory") {
      const own = territoryRow(values, gazetteer, territories, tableRow.line, placeColumn);
      if ("problem" in own) row.problems.push(own.problem);
      else {
        row.place = own.place;
        Object.assign(values.props, own.props);
      }
    } else {
      const address = resolveAddress(gazetteer, values.address);
      if (address && "problem" in address)
        row.problems.push({
          column: placeColumn(address.problem.part) ?? placeColumn("address"),
          reason: address.problem.reason,
          params: { query: address.problem.query, candidates: address.problem.candidates },
          message: address.problem.message,
        });
      else if (address) row.place = territories.place(address.place, tableRow.line);
      for (const note of address?.notes ?? [])
        row.notes.push({ column: placeColumn(note.part), reason: note.reason, params: {}, message: note.message });
    }
    row.values = values.props;
    const name = String(values.props[entityKinds[label].nameProperty] ?? "");
    const rowCandidate = {
      label,
      name,
      aliases: (values.props.aliases as string[] | undefined) ?? [],
      website: (values.props.website ?? values.props.pageUrl) as string | undefined,
      siren: label === "Territory" ? undefined : (values.props.siren as string | undefined),
      places: row.place ? [row.place.code] : [],
    };
    let existing: SnapshotEntity | undefined;
    const decided = decisions.matches?.[String(tableRow.line)];
    const earlier = name ? fileIndex.match(rowCandidate) : { same: undefined, possible: [] };
    if (earlier.same) {
      row.action = "same-as-row";
      const first = workAt.get(earlier.same.candidate.row!);
      if (first) row.problems.push(...conflicts(first.row, values.props, columns, label));
      row.match = previewMatch(earlier.same, byKey);
      row.entity = { kind, slug: earlier.same.candidate.slug, name: earlier.same.candidate.name };
    } else if (name) {
      const inGraph = territoryMatch(label, row.place, territories) ?? graphIndex.match(rowCandidate);
      const chosen =
        decided !== undefined
          ? decided === null
            ? undefined
            : byKey.get(`${label}/${decided}`)
          : inGraph.same
            ? byKey.get(`${label}/${inGraph.same.candidate.slug}`)
            : undefined;
      if (decided !== undefined && decided !== null && !chosen)
        row.problems.push({
          column: null,
          reason: "no-such-entity",
          params: { slug: decided },
          message: `no ${kind} has the slug "${decided}"`,
        });
      const firstOfGraph = chosen ? graphRows.get(`${label}/${chosen.slug}`) : undefined;
      if (chosen && firstOfGraph) {
        // An entity of the graph that an earlier row is already about: this row follows that one.
        row.action = "same-as-row";
        row.problems.push(...conflicts(firstOfGraph, values.props, columns, label));
        row.match = { ...firstOfGraph.match!, row: firstOfGraph.line, props: {} };
        row.entity = firstOfGraph.entity;
        existing = chosen; // kept to tell what of the graph it repeats, its action stays "same-as-row"
      } else if (chosen) {
        existing = chosen;
        graphRows.set(`${label}/${chosen.slug}`, row);
        const reasons =
          inGraph.same?.candidate.slug === chosen.slug
            ? inGraph.same.reasons
            : (inGraph.possible.find((p) => p.candidate.slug === chosen.slug)?.reasons ?? ["chosen"]);
        row.match = previewMatch(
          { candidate: candidateOf({ ...chosen, places: placesOf(chosen) }), reasons: reasons as Match["reasons"] },
          byKey,
        );
        row.entity = { kind, slug: chosen.slug, name: String(chosen.props[entityKinds[label].nameProperty] ?? chosen.slug) };
      } else {
        if (decided === undefined && inGraph.possible.length > 0) {
          row.action = "decide";
          row.alternatives = inGraph.possible.map((p) => previewMatch(p, byKey));
        }
        const slug =
          label === "Territory" && row.place && !row.place.exists ? row.place.slug : freeSlug(slugify(name) || kind, row.place, slugs);
        row.entity = { kind, slug, name };
        // A later row that is the same follows this one: imported with it, or left out with it.
        fileIndex.add({ ...candidateOf({ label, slug, props: values.props, places: rowCandidate.places }), row: tableRow.line });
        linkIndex.add({ ...candidateOf({ label, slug, props: values.props, places: rowCandidate.places }), row: tableRow.line });
      }
    }
    // What a new entity must have; a row about one of the graph's, or following an earlier row, has it already.
    if (!existing && row.action !== "same-as-row") requireProperties(label, row, values, columns);
    const work = { row, values, label, existing };
    works.push(work);
    workAt.set(tableRow.line, work);
  });

  const relationshipsOf = (l: Label, slug: string) => byKey.get(`${l}/${slug}`)?.relationships ?? [];
  const context: LinkContext = { gazetteer, index: linkIndex, territories, themes: new Map() };
  const followersOf = new Map<number, Work[]>();
  for (const work of works)
    if (work.row.action === "same-as-row" && work.row.match?.row !== undefined)
      followersOf.set(work.row.match.row, [...(followersOf.get(work.row.match.row) ?? []), work]);
  for (const work of works) {
    const { row, values } = work;
    if (row.action === "dropped" || !row.entity) continue;
    // An update says what every row about that entity adds: the followers' values join the first's.
    if (work.existing && row.action !== "same-as-row")
      for (const follower of followersOf.get(row.line) ?? [])
        if (follower.row.problems.length === 0)
          for (const [property, value] of Object.entries(follower.row.values)) if (!(property in row.values)) row.values[property] = value;
    for (const cell of values.links) {
      const props = Object.fromEntries(
        [...values.linkProps]
          .filter(([key]) => key.startsWith(`${cell.target.type}:${cell.target.direction}:`))
          .map(([key, { value }]) => [key.split(":")[2]!, value]),
      );
      const found = resolveLinks(cell, row.line, props, context, relationshipsOf, { label: work.label, slug: row.entity.slug });
      row.links.push(...found.links.filter((l) => !(l.other.kind === kind && l.other.slug === row.entity!.slug)));
      row.problems.push(...found.problems);
      row.notes.push(...found.notes);
    }
    settle(work, byKey);
  }
  leaveOutLinksToLeftOutRows(works);
  const kept = new Set(works.filter((w) => ["create", "update", "same-as-row"].includes(w.row.action)).map((w) => w.row.line));
  input.onProgress?.(table.rows.length, table.rows.length);
  const rows = works.map((w) => w.row);
  const counts = {
    rows: rows.length,
    create: 0,
    update: 0,
    unchanged: 0,
    "same-as-row": 0,
    decide: 0,
    problem: 0,
    dropped: 0,
  } as ImportPreview["counts"];
  for (const row of rows) counts[row.action] += 1;
  return {
    file: table.file,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    sheets: table.sheets,
    headerLine: table.headerLine,
    kind,
    columns,
    rows,
    territories: territories.newTerritories(kept),
    counts,
    mapping: input.mapping ?? { name: undefined, how: "guessed" },
  };
}

function territoryMatch(
  label: Label,
  place: PreviewPlace | undefined,
  territories: TerritoryRegistry,
): { same: Match | undefined; possible: Match[] } | undefined {
  if (label !== "Territory" || !place) return undefined;
  const known = territories.existing(place.kind, place.code);
  return known
    ? { same: { candidate: candidateOf({ ...known, places: [place.code] }), reasons: ["siren"] }, possible: [] }
    : { same: undefined, possible: [] };
}

function previewMatch(match: Match, byKey: Map<string, SnapshotEntity>): PreviewMatch {
  const { candidate } = match;
  const entity = byKey.get(`${candidate.label}/${candidate.slug}`);
  const where = entity?.relationships.find((r) => r.out && (r.type === "BASED_IN" || r.type === "LOCATED_IN"));
  return {
    kind: kindOf[candidate.label],
    slug: candidate.slug,
    name: candidate.name,
    reasons: match.reasons,
    row: candidate.row,
    props: candidate.row === undefined ? (entity?.props ?? {}) : {},
    place: where ? String(byKey.get(`Territory/${where.slug}`)?.props.name ?? where.slug) : undefined,
  };
}

/** A new entity's slug: its name's, else with its commune's ("maison-de-l-emploi-arras"), else numbered. */
function freeSlug(base: string, place: PreviewPlace | undefined, taken: Set<string>): string {
  const tries = [base, ...(place ? [`${base}-${slugify(place.name)}`] : []), ...Array.from({ length: 98 }, (_, i) => `${base}-${i + 2}`)];
  const slug = tries.find((s) => !taken.has(s)) ?? `${base}-${taken.size}`;
  taken.add(slug);
  return slug;
}

export type { CellIssue, PreviewAction, MatchCandidate };
