import type { PlaceCandidate } from "../api-errors.ts";
import { locales } from "../locales/index.ts";
import { closestKeys } from "./closest-names.ts";
import type { Commune, GazetteerData, GazetteerStats } from "./gazetteer-types.ts";
import { normalizePlaceName } from "../text/normalize.ts";

/** A place name the gazetteer cannot turn into one commune; `candidates` say what the user may have meant. */
export class PlaceError extends Error {
  constructor(
    readonly reason: "unknown" | "ambiguous",
    readonly query: string,
    readonly candidates: PlaceCandidate[],
  ) {
    super(locales.en.errors[reason]({ query, candidates }));
    this.name = "PlaceError";
  }
}

export interface ResolvedCommune extends Commune {
  departementName: string;
  regionName: string;
  epciName: string | null;
  approximate: boolean; // coordinates are a centroid, not the town's own point
}

/** Every French commune of the COG, found by name (accents, case and hyphens optional) or INSEE code. */
export class Gazetteer {
  private readonly communes: Commune[];
  private readonly byCode = new Map<string, Commune>();
  private readonly byName = new Map<string, Commune[]>();
  private readonly byEpci = new Map<string, Commune[]>();
  private readonly partsByName = new Map<string, GazetteerData["parts"]>();

  /** `data`: what it was made from (a worker thread makes its own from it). */
  constructor(readonly data: GazetteerData) {
    this.communes = data.communes.map(([code, name, departement, region, population, epci, lat, lon, precision]) => ({
      code,
      name,
      departement,
      region,
      population,
      epci,
      lat,
      lon,
      precision,
    }));
    for (const commune of this.communes) {
      this.byCode.set(commune.code, commune);
      const key = normalizePlaceName(commune.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), commune]);
      if (commune.epci) this.byEpci.set(commune.epci, [...(this.byEpci.get(commune.epci) ?? []), commune]);
    }
    for (const part of data.parts ?? []) {
      const key = normalizePlaceName(part.name);
      this.partsByName.set(key, [...(this.partsByName.get(key) ?? []), part]);
    }
  }

  /** The communes of exactly this name (accents, case, hyphens and "St" aside): homonyms are many. */
  named(name: string): ResolvedCommune[] {
    return (this.byName.get(normalizePlaceName(name)) ?? []).map((c) => this.describe(c));
  }

  /** The communes a postcode serves ("62000" → Arras; "75011" → Paris; one postcode often serves several). */
  withPostcode(postcode: string): ResolvedCommune[] {
    return (this.data.postcodes?.[postcode] ?? []).flatMap((code) => {
      const commune = this.byCode.get(code);
      return commune ? [this.describe(commune)] : [];
    });
  }

  /** The postcodes of a commune. */
  postcodesOf(code: string): string[] {
    return Object.entries(this.data.postcodes ?? {})
      .filter(([, codes]) => codes.includes(code))
      .map(([postcode]) => postcode);
  }

  /** Names that are no longer communes (communes déléguées, associées, arrondissements), with the commune that holds each now. */
  partsNamed(name: string): { name: string; commune: ResolvedCommune; kind: GazetteerData["parts"][number]["kind"] }[] {
    return (this.partsByName.get(normalizePlaceName(name)) ?? []).flatMap((part) => {
      const commune = this.byCode.get(part.commune);
      return commune ? [{ name: part.name, commune: this.describe(commune), kind: part.kind }] : [];
    });
  }

  /** The communes closest in name to this one among some (those of a postcode, a département), closest first. */
  closestAmong(name: string, communes: ResolvedCommune[], limit = 3): ResolvedCommune[] {
    const byKey = new Map<string, ResolvedCommune[]>();
    for (const c of communes) byKey.set(normalizePlaceName(c.name), [...(byKey.get(normalizePlaceName(c.name)) ?? []), c]);
    return closestKeys(normalizePlaceName(name), byKey.keys(), limit)
      .flatMap(({ key }) => byKey.get(key) ?? [])
      .slice(0, limit);
  }

  /** A commune as a candidate to show: "Saint-Martin (32, Gers)". */
  candidateOf(commune: Commune): PlaceCandidate {
    return this.candidate(commune);
  }

  get stats(): GazetteerStats {
    return this.data.stats;
  }

  get sources(): string[] {
    return this.data.sources;
  }

  get size(): number {
    return this.communes.length;
  }

  commune(code: string): ResolvedCommune | undefined {
    const commune = this.byCode.get(code);
    return commune && this.describe(commune);
  }

  departementCodes(): string[] {
    return Object.keys(this.data.departements);
  }

  departementName(code: string): string | undefined {
    return this.data.departements[code]?.name;
  }

  /** A département's or a région's INSEE code from its name ("Pas-de-Calais" → "62"), accents and case aside. */
  areaCode(kind: "département" | "région", name: string): string | undefined {
    const key = normalizePlaceName(name);
    const table = kind === "département" ? this.data.departements : this.data.regions;
    return Object.entries(table).find(([, area]) => normalizePlaceName(area.name) === key)?.[0];
  }

  departementRegion(code: string): string | undefined {
    return this.data.departements[code]?.region;
  }

  regionName(code: string): string | undefined {
    return this.data.regions[code]?.name;
  }

  epci(code: string): { name: string; kind: string } | undefined {
    return this.data.epcis[code];
  }

  /**
   * Intercommunalités by name, whatever the prefix: "Agglomération du Beauvaisis", "CA du
   * Beauvaisis" and "Communauté d'agglomération du Beauvaisis" are one.
   */
  findEpci(name: string): { siren: string; name: string }[] {
    const core = epciCore(name);
    return Object.entries(this.data.epcis)
      .filter(([, epci]) => epciCore(epci.name) === core)
      .map(([siren, epci]) => ({ siren, name: epci.name }));
  }

  /**
   * The intercommunalités whose names are closest to this one, for a name the COG does not know:
   * those sharing the most words with it ("Trois Vallées du Lys" → "CC Flandre Lys"), those of its
   * département first, then those a few letters away.
   */
  closestEpcis(name: string, limit = 3, departement?: string): { siren: string; name: string }[] {
    const stop = new Set([
      "communaute",
      "communes",
      "agglomeration",
      "urbaine",
      "metropole",
      "pays",
      "des",
      "du",
      "de",
      "la",
      "le",
      "les",
      "cc",
      "ca",
      "cu",
    ]);
    const words = (text: string) =>
      new Set(
        epciCore(text)
          .split(" ")
          .filter((w) => w.length > 2 && !stop.has(w)),
      );
    const wanted = words(name);
    const inDepartement = (siren: string) =>
      departement !== undefined && (this.byEpci.get(siren) ?? []).some((c) => c.departement === departement);
    const shared = Object.entries(this.data.epcis)
      .map(([siren, epci]) => ({ siren, name: epci.name, score: [...words(epci.name)].filter((w) => wanted.has(w)).length }))
      .filter((c) => c.score > 0)
      .map((c) => ({ ...c, score: c.score + (inDepartement(c.siren) ? 0.5 : 0) }))
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const near = closestKeys(
      epciCore(name),
      Object.values(this.data.epcis).map((e) => epciCore(e.name)),
      limit,
    ).flatMap(({ key }) =>
      Object.entries(this.data.epcis)
        .filter(([, e]) => epciCore(e.name) === key)
        .map(([siren, e]) => ({ siren, name: e.name })),
    );
    const seen = new Set<string>();
    return [...shared, ...near]
      .filter((c) => !seen.has(c.siren) && seen.add(c.siren))
      .slice(0, limit)
      .map(({ siren, name: n }) => ({ siren, name: n }));
  }

  /** The communes whose names are closest to this one (for a name the COG does not know). */
  closestCommunes(name: string, limit = 3): PlaceCandidate[] {
    return this.suggest(normalizePlaceName(name))
      .slice(0, limit)
      .map((c) => this.candidate(c));
  }

  /** The région of most of an intercommunalité's members (a few span two régions). */
  epciRegion(siren: string): string | undefined {
    const counts = new Map<string, number>();
    for (const member of this.byEpci.get(siren) ?? []) counts.set(member.region, (counts.get(member.region) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** Centroid of an intercommunalité's precisely placed members (else of all its placed members). */
  epciCentroid(siren: string): { lat: number; lon: number } | undefined {
    return centroid(this.byEpci.get(siren) ?? []);
  }

  /** Centroid of a département's, or a région's, precisely placed communes: where the map puts it. */
  areaCentroid(kind: "département" | "région", code: string): { lat: number; lon: number } | undefined {
    return centroid(this.communes.filter((c) => (kind === "département" ? c.departement : c.region) === code));
  }

  /**
   * "Lille", "loos en gohelle", "Saint-Denis (93)", "Saint-Denis (Seine-Saint-Denis)", "Saint-Denis, 974"
   * or an INSEE code such as "62861". Throws PlaceError when that is not exactly one commune.
   */
  resolve(query: string): ResolvedCommune {
    const trimmed = query.trim();
    if (/^(\d{5}|2[AB]\d{3})$/i.test(trimmed)) {
      const commune = this.byCode.get(trimmed.toUpperCase());
      if (commune) return this.describe(commune);
      throw new PlaceError("unknown", query, []);
    }
    const { name, qualifier } = splitQualifier(trimmed);
    const key = normalizePlaceName(name);
    let matches = this.byName.get(key) ?? [];
    if (qualifier) {
      const wanted = normalizePlaceName(qualifier);
      matches = matches.filter(
        (c) => c.departement.toLowerCase() === wanted || normalizePlaceName(this.departementName(c.departement) ?? "") === wanted,
      );
    }
    if (matches.length === 1) return this.describe(matches[0]!);
    if (matches.length > 1)
      throw new PlaceError(
        "ambiguous",
        query,
        matches.map((c) => this.candidate(c)),
      );
    if (qualifier && this.byName.has(key)) {
      // The name exists, but not in that département: the homonyms are the best suggestions.
      throw new PlaceError(
        "unknown",
        query,
        this.byName.get(key)!.map((c) => this.candidate(c)),
      );
    }
    throw new PlaceError(
      "unknown",
      query,
      this.suggest(key).map((c) => this.candidate(c)),
    );
  }

  /** Closest names first; among equally close ones, the most populous (a typo for "Beauvais", not "Beauval"). */
  private suggest(key: string): Commune[] {
    const scored = closestKeys(key, this.byName.keys(), 12).flatMap(({ key: k, score }) =>
      (this.byName.get(k) ?? []).map((commune) => ({ commune, score })),
    );
    scored.sort((a, b) => a.score - b.score || (b.commune.population ?? 0) - (a.commune.population ?? 0));
    return scored.slice(0, 5).map((s) => s.commune);
  }

  private candidate(commune: Commune): PlaceCandidate {
    const departementName = this.departementName(commune.departement) ?? commune.departement;
    return {
      name: commune.name,
      inseeCode: commune.code,
      departement: commune.departement,
      departementName,
      label: `${commune.name} (${commune.departement}, ${departementName})`,
    };
  }

  private describe(commune: Commune): ResolvedCommune {
    return {
      ...commune,
      departementName: this.departementName(commune.departement) ?? commune.departement,
      regionName: this.regionName(commune.region) ?? commune.region,
      epciName: commune.epci ? (this.epci(commune.epci)?.name ?? null) : null,
      approximate: commune.precision !== "file" && commune.precision !== "geonames",
    };
  }
}

function epciCore(name: string): string {
  return normalizePlaceName(name)
    .replace(/^(communaute (de communes|d agglomeration|urbaine)|metropole|agglomeration|ca|cc|cu)\b\s*/, "")
    .replace(/^(du|de la|de l|des|de|d)\s+/, "")
    .trim();
}

function centroid(communes: Commune[]): { lat: number; lon: number } | undefined {
  const members = communes.filter((c) => c.lat !== null);
  const precise = members.filter((c) => c.precision === "file" || c.precision === "geonames");
  const used = precise.length > 0 ? precise : members;
  if (used.length === 0) return undefined;
  return {
    lat: Math.round((used.reduce((sum, c) => sum + c.lat!, 0) / used.length) * 1e5) / 1e5,
    lon: Math.round((used.reduce((sum, c) => sum + c.lon!, 0) / used.length) * 1e5) / 1e5,
  };
}

/** "Saint-Denis (93)" or "Saint-Denis, Seine-Saint-Denis" → name and département qualifier. */
function splitQualifier(text: string): { name: string; qualifier: string | undefined } {
  const parenthesised = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(text);
  if (parenthesised) return { name: parenthesised[1]!, qualifier: parenthesised[2]! };
  const comma = /^(.*?)\s*,\s*([^,]+)$/.exec(text);
  if (comma) return { name: comma[1]!, qualifier: comma[2]! };
  return { name: text, qualifier: undefined };
}
