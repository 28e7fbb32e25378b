import type { CellIssue, PreviewLink } from "../../../core/import-preview.ts";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import { resolveAddress } from "../../../core/gazetteer/resolve-address.ts";
import { kindOf, relationshipKinds, type Label } from "../../../core/model/index.ts";
import { slugify } from "../../../core/text/normalize.ts";
import type { ColumnTarget } from "../../../core/model/column-targets.ts";
import type { SnapshotEntity } from "./graph-snapshot.ts";
import type { MatchIndex } from "./match-entities.ts";
import type { TerritoryRegistry } from "./territory-registry.ts";

export interface LinkContext {
  gazetteer: Gazetteer;
  index: MatchIndex; // the graph's entities and the file's rows, of every kind a link may name
  territories: TerritoryRegistry;
  themes: Map<string, string>; // new themes: slug → name, made once
}

/**
 * The entities a link cell names ("Partenaires : Atelier X ; Extracités"), each found by its name
 * or other names among the graph's entities and the file's rows; places by the COG (a commune, an
 * intercommunalité, a département), created with the import when the graph lacks them; a theme
 * the graph lacks is made, since a theme is its name. Anything else unknown or ambiguous is a
 * problem at the cell, with the closest names.
 */
export function resolveLinks(
  cell: { column: string; target: Extract<ColumnTarget, { group: "link" }>; names: string[] },
  line: number,
  props: Record<string, unknown>,
  context: LinkContext,
  relationshipsOf: (label: Label, slug: string) => SnapshotEntity["relationships"],
  self: { label: Label; slug: string },
): { links: PreviewLink[]; problems: CellIssue[]; notes: CellIssue[] } {
  const { column, target } = cell;
  const links: PreviewLink[] = [];
  const problems: CellIssue[] = [];
  const notes: CellIssue[] = [];
  const kind = relationshipKinds[target.type];
  const missing = kind.key.filter((property) => props[property] === undefined);
  if (missing.length > 0) {
    problems.push({
      column,
      reason: "link-needs",
      params: { type: target.type, properties: missing },
      message: `${target.type} needs its ${missing.join(", ")}: map a column that gives it`,
    });
    return { links, problems, notes };
  }
  for (const name of cell.names) {
    const other = findOther(name, target, line, context);
    if ("problem" in other) {
      problems.push({ column, ...other.problem });
      continue;
    }
    if (other.note) notes.push({ column, ...other.note });
    const [from, to] = target.direction === "out" ? [self, other] : [other, self];
    const exists =
      other.exists &&
      relationshipsOf(from.label, from.slug).some(
        (r) =>
          r.out && r.type === target.type && r.label === to.label && r.slug === to.slug && kind.key.every((k) => r.props[k] === props[k]),
      );
    links.push({
      column,
      type: target.type,
      direction: target.direction,
      other: { kind: kindOf[other.label], slug: other.slug, name: other.name, exists: other.exists },
      props,
      exists,
    });
  }
  return { links, problems, notes };
}

type Found = { label: Label; slug: string; name: string; exists: boolean; note?: Omit<CellIssue, "column"> };

function findOther(
  name: string,
  target: Extract<ColumnTarget, { group: "link" }>,
  line: number,
  context: LinkContext,
): Found | { problem: Omit<CellIssue, "column"> } {
  if (target.otherKinds.length === 1 && target.otherKinds[0] === "Territory") return findTerritory(name, line, context);
  const named = context.index.named(name, target.otherKinds);
  if (named.length === 1) {
    const found = named[0]!;
    return { label: found.label, slug: found.slug, name: found.name, exists: found.row === undefined };
  }
  if (named.length > 1)
    return {
      problem: {
        reason: "ambiguous-link",
        params: { name, candidates: named.map((c) => c.name) },
        message: `"${name}" names ${named.length} entities: ${named.map((c) => `${c.name} (${c.slug})`).join(", ")}`,
      },
    };
  if (target.otherKinds.includes("Theme")) {
    const slug = slugify(name);
    context.themes.set(slug, context.themes.get(slug) ?? name);
    return {
      label: "Theme",
      slug,
      name,
      exists: false,
      note: { reason: "new-theme", params: { name }, message: `a new theme, "${name}"` },
    };
  }
  const similar = context.index.similar(name, target.otherKinds).map((c) => c.name);
  return {
    problem: {
      reason: "unknown-link",
      params: { name, kinds: target.otherKinds.map((l) => kindOf[l]), candidates: similar },
      message: `nothing of the graph or the file is named "${name}"${similar.length ? `; closest: ${similar.join(", ")}` : ""}`,
    },
  };
}

function findTerritory(name: string, line: number, context: LinkContext): Found | { problem: Omit<CellIssue, "column"> } {
  const { gazetteer } = context;
  const epci = /^(ca|cc|cu|communaut|m[ée]tropole|agglom[ée]ration|pays)\b/i.test(name.trim()) ? gazetteer.findEpci(name) : [];
  const result = resolveAddress(gazetteer, epci.length === 1 ? { epci: name } : { commune: name });
  if (result && "place" in result) {
    const place = context.territories.place(result.place, line);
    return { label: "Territory", slug: place.slug, name: place.name, exists: place.exists };
  }
  const departement = gazetteer.areaCode("département", name);
  if (departement) {
    const place = context.territories.place(
      { kind: "département", code: departement, name: gazetteer.departementName(departement)! },
      line,
    );
    return { label: "Territory", slug: place.slug, name: place.name, exists: place.exists };
  }
  const problem = result && "problem" in result ? result.problem : undefined;
  return {
    problem: {
      reason: problem?.reason ?? "unknown-commune",
      params: { query: name, candidates: problem?.candidates ?? [] },
      message: problem?.message ?? `no territory of the COG is named "${name}"`,
    },
  };
}
