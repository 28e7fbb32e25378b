import type { Gazetteer } from "../core/gazetteer/gazetteer.ts";
import { normalizePlaceName } from "../core/text/normalize.ts";
import { entityKey, type MergedEntity } from "./merge-entities.ts";
import type { ResolvedRelationship } from "./resolve-relationships.ts";
import type { Problem } from "./problem.ts";

/** Slugs of the sources that stand behind what the gazetteer adds (seeds/data/sources.yaml). */
export const gazetteerSources = { names: "cog", coordinates: "geonames" } as const;

export interface DerivedLocation {
  latitude: number;
  longitude: number;
  precision: string; // "seed" (given in a seed file), "geonames", "epci-centroid", …
  approximate: boolean;
}

/**
 * Checks each territory against the official geography (its INSEE code or SIREN exists and
 * bears that name; PART_OF agrees with the COG) and places communes and intercommunalités
 * with the gazetteer's coordinates unless a seed file gives them.
 */
export function checkTerritories(
  entities: Map<string, MergedEntity>,
  relationships: ResolvedRelationship[],
  gazetteer: Gazetteer,
  problems: Problem[],
): { locations: Map<string, DerivedLocation>; regions: Map<string, DerivedRegion> } {
  const locations = new Map<string, DerivedLocation>();
  const regions = new Map<string, DerivedRegion>();
  for (const territory of entities.values()) {
    if (territory.label !== "Territory") continue;
    const at = territory.blocks[0]!;
    const report = (property: string, message: string): void => {
      const block = territory.blocks.find((b) => property in b.props) ?? at;
      problems.push({ file: block.file, line: block.propLines[property] ?? block.line, message });
    };
    const { kind, name, inseeCode, siren, location } = territory.props as Record<string, string | undefined> & {
      location?: { latitude: number; longitude: number };
    };
    const official = officialName(gazetteer, kind, inseeCode, siren);
    if (kind === "commune" && !inseeCode)
      report("kind", `commune "${territory.slug}" needs its inseeCode (e.g. 62861 for Vimy), so that it can be placed and checked`);
    if (kind === "intercommunalité" && !siren)
      report("kind", `intercommunalité "${territory.slug}" needs its siren (from the COG's list of EPCI)`);
    if (official === null)
      report(inseeCode ? "inseeCode" : "siren", `${inseeCode ? `inseeCode ${inseeCode}` : `siren ${siren}`} is not a ${kind} of the COG`);
    else if (official !== undefined && normalizePlaceName(official) !== normalizePlaceName(String(name))) {
      report("name", `the COG calls ${inseeCode ?? siren} "${official}", not "${name}"`);
    }

    const regionCode = regionOf(gazetteer, kind, inseeCode, siren);
    const regionName = regionCode ? gazetteer.regionName(regionCode) : undefined;
    if (regionCode && regionName) regions.set(territory.slug, { regionCode, regionName });

    if (location) {
      locations.set(territory.slug, { ...location, precision: "seed", approximate: false });
    } else if (kind === "commune" && inseeCode) {
      const commune = gazetteer.commune(inseeCode);
      if (commune?.lat != null && commune.lon != null) {
        locations.set(territory.slug, {
          latitude: commune.lat,
          longitude: commune.lon,
          precision: commune.precision!,
          approximate: commune.approximate,
        });
      }
    } else if (kind === "intercommunalité" && siren) {
      const centroid = gazetteer.epciCentroid(siren);
      if (centroid)
        locations.set(territory.slug, { latitude: centroid.lat, longitude: centroid.lon, precision: "epci-centroid", approximate: true });
    } else if ((kind === "département" || kind === "région") && inseeCode) {
      // Where the map draws it; alliesNear ignores départements and régions (too large to be "near").
      const centroid = gazetteer.areaCentroid(kind, inseeCode);
      if (centroid)
        locations.set(territory.slug, {
          latitude: centroid.lat,
          longitude: centroid.lon,
          precision: `${kind === "région" ? "region" : "departement"}-centroid`,
          approximate: true,
        });
    }
  }
  checkPartOf(entities, relationships, gazetteer, problems);
  return { locations, regions };
}

/** The région a territory lies in, by the COG: filters of the explorer work by région. */
export interface DerivedRegion {
  regionCode: string;
  regionName: string;
}

function regionOf(
  gazetteer: Gazetteer,
  kind: string | undefined,
  inseeCode: string | undefined,
  siren: string | undefined,
): string | undefined {
  if (kind === "commune" && inseeCode) return gazetteer.commune(inseeCode)?.region;
  if (kind === "département" && inseeCode) return gazetteer.departementRegion(inseeCode);
  if (kind === "région" && inseeCode) return gazetteer.regionName(inseeCode) ? inseeCode : undefined;
  if (kind === "intercommunalité" && siren) return gazetteer.epciRegion(siren);
  return undefined;
}

/** The COG's name for this code: a string, null when the code is unknown, undefined when there is nothing to check. */
function officialName(
  gazetteer: Gazetteer,
  kind: string | undefined,
  inseeCode: string | undefined,
  siren: string | undefined,
): string | null | undefined {
  if (kind === "commune" && inseeCode) return gazetteer.commune(inseeCode)?.name ?? null;
  if (kind === "département" && inseeCode) return gazetteer.departementName(inseeCode) ?? null;
  if (kind === "région" && inseeCode) return gazetteer.regionName(inseeCode) ?? null;
  if (kind === "intercommunalité" && siren) return gazetteer.epci(siren)?.name ?? null;
  return undefined;
}

/** A commune is PART_OF its own département, région and intercommunalité, and no other. */
function checkPartOf(
  entities: Map<string, MergedEntity>,
  relationships: ResolvedRelationship[],
  gazetteer: Gazetteer,
  problems: Problem[],
): void {
  for (const relationship of relationships) {
    if (relationship.type !== "PART_OF") continue;
    const part = entities.get(entityKey("Territory", relationship.fromSlug))?.props;
    const whole = entities.get(entityKey("Territory", relationship.toSlug))?.props;
    if (!part || !whole) continue; // an end already in the database was checked when it was loaded
    const commune = part.kind === "commune" && typeof part.inseeCode === "string" ? gazetteer.commune(part.inseeCode) : undefined;
    let expected: string | null | undefined;
    let actual: unknown;
    if (commune && whole.kind === "département") [expected, actual] = [commune.departement, whole.inseeCode];
    else if (commune && whole.kind === "région") [expected, actual] = [commune.region, whole.inseeCode];
    else if (commune && whole.kind === "intercommunalité") [expected, actual] = [commune.epci, whole.siren];
    else if (part.kind === "département" && whole.kind === "région" && typeof part.inseeCode === "string") {
      [expected, actual] = [gazetteer.departementRegion(part.inseeCode), whole.inseeCode];
    } else continue;
    if (expected !== undefined && actual !== undefined && expected !== actual) {
      problems.push({
        file: relationship.file,
        line: relationship.line,
        message: `the COG does not put "${relationship.fromSlug}" in "${relationship.toSlug}" (${String(actual)}); it is in ${expected ?? "none"}`,
      });
    }
  }
}
