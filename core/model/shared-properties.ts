import type { Property } from "./value-types.ts";

/** Properties that several kinds (or relationships) share, defined once with their names. */
export const slug = {
  type: "string",
  required: true,
  hidden: true,
  names: { fr: "Identifiant", en: "Identifier" },
  doc: "Stable key: lowercase ASCII words joined by hyphens, unique per kind, the last part of the permalink",
} as const satisfies Property;
export const name = {
  type: "string",
  required: true,
  search: true,
  hidden: true,
  names: { fr: "Nom", en: "Name" },
} as const satisfies Property;
export const title = {
  type: "string",
  required: true,
  search: true,
  hidden: true,
  names: { fr: "Titre", en: "Title" },
} as const satisfies Property;
export const aliases = {
  type: "strings",
  search: true,
  names: { fr: "Autres noms", en: "Other names" },
  doc: "Other names in use",
} as const satisfies Property;
export const role = { type: "string", names: { fr: "Rôle", en: "Role" } } as const satisfies Property;
export const season = { type: "int", min: 1, max: 99, names: { fr: "Saison", en: "Season" } } as const satisfies Property;
export const startYear = { type: "year", names: { fr: "Année de début", en: "Start year" } } as const satisfies Property;
export const endYear = { type: "year", names: { fr: "Année de fin", en: "End year" } } as const satisfies Property;
export const nature = { type: "string", names: { fr: "Nature", en: "Nature" } } as const satisfies Property;

export const location = {
  type: "location",
  hidden: true, // shown as its own row, with its precision
  names: { fr: "Position", en: "Position" },
} as const satisfies Property;
export const locationPrecision = {
  type: "string",
  derived: true,
  hidden: true,
  names: { fr: "Précision de la position", en: "Position precision" },
  doc: "geonames, epci-centroid, file or seed: how the location was obtained",
} as const satisfies Property;
export const locationApproximate = {
  type: "boolean",
  derived: true,
  hidden: true,
  names: { fr: "Position approximative", en: "Approximate position" },
  doc: "true when the location is a centroid rather than the place's own point",
} as const satisfies Property;

/** The official codes' shapes: what a SIREN or an INSEE code must look like (a SIRET's first 9 digits are its SIREN). */
export const sirenPattern = { name: "siren", regex: /^\d{9}$/, expected: "a SIREN of 9 digits" };
export const inseePattern = {
  name: "insee",
  regex: /^(\d{2,5}|2[AB]\d{0,3})$/,
  expected: "an INSEE code such as 62861 (commune), 62 (département) or 32 (région)",
};
export const siren = { type: "string", pattern: sirenPattern, names: { fr: "SIREN", en: "SIREN" } } as const satisfies Property;
