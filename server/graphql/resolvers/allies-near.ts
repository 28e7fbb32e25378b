import neo4j from "neo4j-driver";
import { readQuery as readCypher } from "../../../core/neo4j/cypher-files.ts";
import { badUserInput, checkRange } from "../bad-user-input.ts";
import { enums, kindOf, themeTypes } from "../../../core/model/index.ts";
import { slugify } from "../../../core/text/normalize.ts";
import { assertEntityExists } from "./entity-exists.ts";
import { toLatLon } from "../../../core/node-values.ts";
import { resolvePlaceArgument } from "./place.ts";
import { readQuery, type Services } from "./services.ts";

const MAX_RADIUS_KM = 1000;

/** alliesNear(place, radiusKm, theme, allyKind): allies based or active within the radius of a commune, nearest first. */
export async function alliesNear(
  services: Services,
  args: { place: string; radiusKm?: number | null; limit?: number | null; theme?: string | null; allyKind?: string | null },
) {
  const radiusKm = args.radiusKm ?? 50;
  const limit = args.limit ?? 100;
  checkRange("limit", limit, 1, 1000);
  const allyKind = args.allyKind ?? null;
  if (allyKind !== null && !(enums.allyKind.values as readonly string[]).includes(allyKind))
    throw badUserInput("unknown-value", { argument: "allyKind", value: allyKind, allowed: [...enums.allyKind.values] }, "allyKind");
  // A theme by its slug or its name ("Alimentation", "alimentation"): the allies who contributed to an initiative about it.
  const theme = args.theme ? slugify(args.theme) : null;
  if (theme !== null) await assertEntityExists(services, "theme", theme, "theme");
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
    throw badUserInput("radius-out-of-range", { max: MAX_RADIUS_KM, value: radiusKm }, "radiusKm");
  }
  const commune = resolvePlaceArgument(services.gazetteer, args.place, "place");
  if (commune.lat === null || commune.lon === null) {
    throw badUserInput("no-coordinates", { name: commune.name, departement: commune.departement }, "place");
  }
  const point = new neo4j.types.Point(4326, commune.lon, commune.lat);
  const radiusMetres = radiusKm * 1000;
  const rows = await readQuery(services, readCypher("queries/allies-near"), {
    point,
    radiusMetres,
    limit: neo4j.int(limit),
    theme,
    allyKind,
    themeTypes,
  });
  return rows.map((row) => ({
    ally: { kind: kindOf.Ally, slug: row.slug, name: row.name, subkind: row.kind, ...toLatLon(row.location) },
    distanceKm: Math.round((row.metres as number) / 10) / 100,
    via: row.viaSlug
      ? { kind: kindOf.Territory, slug: row.viaSlug, name: row.viaName, subkind: row.viaKind, ...toLatLon(row.viaLocation) }
      : null,
    reason: row.reason,
    season: row.season ?? null,
    approximate: Boolean(row.approximate) || commune.approximate,
  }));
}
