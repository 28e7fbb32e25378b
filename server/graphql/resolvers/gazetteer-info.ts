import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";

/** gazetteer: what the offline gazetteer knows, and how well. */
export function gazetteerInfo(gazetteer: Gazetteer) {
  const { stats } = gazetteer;
  return {
    communes: stats.communes,
    withCoordinates: stats.withCoordinates,
    withoutCoordinates: stats.withoutCoordinates,
    precise: stats.byPrecision.file + stats.byPrecision.geonames,
    approximate: stats.byPrecision["epci-centroid"] + stats.byPrecision["departement-centroid"],
    medianCentroidErrorKm: stats.epciCentroidErrorKm.median,
    p90CentroidErrorKm: stats.epciCentroidErrorKm.p90,
    sources: gazetteer.sources,
  };
}
