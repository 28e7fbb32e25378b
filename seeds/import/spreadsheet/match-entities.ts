import { displayName, type Label } from "../../../core/model/index.ts";
import { boundedLevenshtein } from "../../../core/gazetteer/closest-names.ts";
import { foldText } from "../../../core/text/normalize.ts";

/** An entity a row may be the same as: one of the graph's, or one an earlier row of the file makes. */
export interface MatchCandidate {
  label: Label;
  slug: string;
  name: string;
  aliases: string[];
  website: string | undefined;
  siren: string | undefined;
  places: string[]; // the INSEE codes (or SIREN) of where it is based or is
  row: number | undefined; // the file's row that makes it, when it is not the graph's
}

export type MatchReason = "siren" | "website" | "name" | "alias" | "similar-name";

export interface Match {
  candidate: MatchCandidate;
  reasons: MatchReason[];
}

/**
 * The result of comparing a row with the candidates: `same` when it is surely one of them (same
 * SIREN; same website's domain; same name, or one of its other names, and nothing that says
 * otherwise), `possible` when a person must say (same name elsewhere, a name one letter off, two
 * entities of that name). A different SIREN or website, both given, says "not the same" over a name.
 */
export interface MatchResult {
  same: Match | undefined;
  possible: Match[];
}

/** "Atelier du Bocage (SCOP)", "L'atelier du bocage" → "atelier du bocage": names compared without what varies. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/&/g, " et ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(scop|scic|sarl|sasu|sas|eurl|sa|association|asso|loi 1901)\b/g, " ")
    .replace(/^\s*(l|le|la|les)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}
const compact = (key: string) => key.replace(/ /g, "");

// Hosts shared by many organisations: a page there says nothing of who it is.
const sharedHosts =
  /(^|\.)(facebook\.com|fb\.com|linkedin\.com|instagram\.com|twitter\.com|x\.com|youtube\.com|wixsite\.com|wix\.com|wordpress\.com|over-blog\.com|blogspot\.com|free\.fr|orange\.fr|wanadoo\.fr|sfr\.fr|laposte\.net|gmail\.com|google\.com|helloasso\.com|jimdo\.com|jimdofree\.com|weebly\.com|canalblog\.com|e-monsite\.com|hautetfort\.com|linktr\.ee|notion\.site|sites\.google\.com)$/;

/** The domain of a website that names one organisation ("https://www.atelier.fr/contact" → "atelier.fr"), else undefined. */
export function websiteDomain(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  host = host.replace(/^www\d?\./, "");
  return sharedHosts.test(host) ? undefined : host;
}

/** The candidates, indexed by what tells them apart; rows are added as they become entities. */
export class MatchIndex {
  private readonly byKey = new Map<string, MatchCandidate[]>();
  private readonly byDomain = new Map<string, MatchCandidate[]>();
  private readonly bySiren = new Map<string, MatchCandidate[]>();
  // Names a letter or two off, found without comparing a name with every other (PassJoin, Li et al.
  // 2011): a key within k edits of another keeps one of that other's k + 1 segments whole, shifted
  // by k at most; each key is indexed by its segments, for k = 1 and 2, under its first letters.
  private readonly bySegment = new Map<string, { key: string; candidate: MatchCandidate }[]>();

  constructor(candidates: Iterable<MatchCandidate> = []) {
    for (const candidate of candidates) this.add(candidate);
  }

  add(candidate: MatchCandidate): void {
    for (const name of [candidate.name, ...candidate.aliases]) {
      const key = compact(nameKey(name));
      if (!key) continue;
      push(this.byKey, key, candidate);
      for (const k of [1, 2])
        segments(key.length, k).forEach(([start, length], i) =>
          push(this.bySegment, segmentKey(key, k, i, key.slice(start, start + length)), { key, candidate }),
        );
    }
    const domain = websiteDomain(candidate.website);
    if (domain) push(this.byDomain, domain, candidate);
    if (candidate.siren) push(this.bySiren, candidate.siren, candidate);
  }

  /** The candidates of a kind named so (by name or other name), for a cell that names an entity. */
  named(name: string, labels: readonly Label[]): MatchCandidate[] {
    return unique((this.byKey.get(compact(nameKey(name))) ?? []).filter((c) => labels.includes(c.label)));
  }

  /** Candidates whose names are a letter or two off, for a name nothing matched. */
  similar(name: string, labels: readonly Label[], limit = 3): MatchCandidate[] {
    const key = compact(nameKey(name));
    const max = key.length >= 10 ? 2 : key.length >= 5 ? 1 : 0;
    if (max === 0) return [];
    const near = new Set<{ key: string; candidate: MatchCandidate }>();
    for (let length = Math.max(max + 1, key.length - max); length <= key.length + max; length++)
      segments(length, max).forEach(([start, size], i) => {
        for (let shift = -max; shift <= max; shift++) {
          const from = start + shift;
          if (from < 0 || from + size > key.length) continue;
          // (the candidate's length in the segment's key, the query's first letters)
          for (const entry of this.bySegment.get(segmentKey(key, max, i, key.slice(from, from + size), length)) ?? []) near.add(entry);
        }
      });
    const found = [...near]
      .filter(({ candidate }) => labels.includes(candidate.label))
      .map(({ key: other, candidate }) => ({ candidate, distance: boundedLevenshtein(key, other, max) }))
      .filter(({ distance }) => distance <= max)
      .sort((a, b) => a.distance - b.distance);
    return unique(found.map((f) => f.candidate)).slice(0, limit);
  }

  match(row: {
    label: Label;
    name: string;
    aliases: string[];
    website: string | undefined;
    siren: string | undefined;
    places: string[];
  }): MatchResult {
    const ofKind = (list: MatchCandidate[] | undefined) => unique((list ?? []).filter((c) => c.label === row.label));
    // A SIREN is an identity: two different ones are two organisations. A website can change: a different one only makes a name match doubtful.
    const otherSiren = (c: MatchCandidate) => row.siren !== undefined && c.siren !== undefined && row.siren !== c.siren;
    const otherSite = (c: MatchCandidate) =>
      websiteDomain(row.website) !== undefined &&
      websiteDomain(c.website) !== undefined &&
      websiteDomain(row.website) !== websiteDomain(c.website);
    const reasons = new Map<MatchCandidate, Set<MatchReason>>();
    const note = (c: MatchCandidate, reason: MatchReason) => (reasons.get(c) ?? reasons.set(c, new Set()).get(c)!).add(reason);

    if (row.siren) for (const c of ofKind(this.bySiren.get(row.siren))) note(c, "siren");
    const domain = websiteDomain(row.website);
    if (domain) for (const c of ofKind(this.byDomain.get(domain))) if (!otherSiren(c)) note(c, "website");
    const rowKey = compact(nameKey(row.name));
    for (const name of [row.name, ...row.aliases])
      for (const c of ofKind(this.byKey.get(compact(nameKey(name)))))
        if (!otherSiren(c)) note(c, name === row.name && compact(nameKey(c.name)) === rowKey ? "name" : "alias");

    const strong = [...reasons].filter(([, r]) => r.has("siren") || r.has("website"));
    if (strong.length === 1) return { same: { candidate: strong[0]![0], reasons: [...strong[0]![1]] }, possible: [] };
    if (strong.length > 1) return { same: undefined, possible: strong.map(([candidate, r]) => ({ candidate, reasons: [...r] })) };

    const byName = [...reasons].map(([candidate, r]) => ({ candidate, reasons: [...r] }));
    const samePlace = (c: MatchCandidate) =>
      row.places.length === 0 || c.places.length === 0 || c.places.some((p) => row.places.includes(p));
    if (byName.length === 1 && samePlace(byName[0]!.candidate) && !otherSite(byName[0]!.candidate))
      return { same: byName[0], possible: [] };
    if (byName.length > 0) return { same: undefined, possible: byName };
    const similar = this.similar(row.name, [row.label]).filter((c) => !otherSiren(c));
    return { same: undefined, possible: similar.map((candidate) => ({ candidate, reasons: ["similar-name"] })) };
  }
}

/** Candidates of the graph, from its entities' properties. */
export function candidateOf(entity: {
  label: Label;
  slug: string;
  props: Record<string, unknown>;
  places: string[];
  row?: number;
}): MatchCandidate {
  const { props } = entity;
  return {
    label: entity.label,
    slug: entity.slug,
    name: displayName(props),
    aliases: Array.isArray(props.aliases) ? (props.aliases as string[]) : [],
    website: typeof props.website === "string" ? props.website : typeof props.pageUrl === "string" ? props.pageUrl : undefined,
    siren: typeof props.siren === "string" && entity.label !== "Territory" ? props.siren : undefined,
    places: entity.places,
    row: entity.row,
  };
}

function blockOf(key: string): string {
  return key.slice(0, 3);
}

/** A key of `length` split into k + 1 segments as even as can be: [start, length] of each. */
function segments(length: number, k: number): [number, number][] {
  if (length < k + 1) return [];
  const short = Math.floor(length / (k + 1));
  const long = length - short * (k + 1); // the last `long` segments are one longer
  const list: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= k; i++) {
    const size = short + (i >= k + 1 - long ? 1 : 0);
    list.push([start, size]);
    start += size;
  }
  return list;
}

/** Where a segment is indexed: the names' first letters (matches stay among names that start alike), k, the key's length, which segment, its text. */
function segmentKey(key: string, k: number, index: number, text: string, length = key.length): string {
  return `${blockOf(key)}|${k}|${length}|${index}|${text}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
