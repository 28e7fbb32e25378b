import type { Words } from "./words.ts";

/**
 * The columns of a spreadsheet that say where a row is: together they name one territory of the
 * COG (a commune by name and postcode or département, else an intercommunalité or a département).
 * A row of allies is based there (BASED_IN), an initiative located there (LOCATED_IN), a row of
 * territories is that territory (entity-kinds.ts `placedBy`).
 */
export const placeColumns = {
  commune: {
    names: { fr: "Commune", en: "Commune" },
    headers: [
      "Ville",
      "Localité",
      "Commune du siège",
      "Ville du siège",
      "Siège",
      "Lieu",
      "City",
      "Town",
      "Municipality",
      "Nom de la commune",
    ],
  },
  postcode: {
    names: { fr: "Code postal", en: "Postcode" },
    headers: ["CP", "C.P.", "Code postal du siège", "Postal code", "Zip", "Zip code", "Post code"],
  },
  departement: {
    names: { fr: "Département", en: "Département" },
    headers: ["Dept", "Dépt", "Dép", "N° de département", "Numéro de département", "Department"],
  },
  epci: {
    names: { fr: "Intercommunalité", en: "Intercommunalité" },
    headers: ["EPCI", "Communauté de communes", "Interco", "Agglomération"],
  },
  inseeCode: {
    names: { fr: "Code INSEE de la commune", en: "Commune's INSEE code" },
    headers: ["Code INSEE", "INSEE", "Code commune", "Code officiel géographique", "COG"],
  },
  address: {
    names: { fr: "Adresse", en: "Address" }, // "12 rue de la Gare, 62000 Arras": its postcode and commune are read
    headers: ["Adresse postale", "Adresse du siège", "Adresse complète", "Postal address"],
  },
} as const satisfies Record<string, { names: Words; headers: readonly string[] }>;

export type PlaceColumn = keyof typeof placeColumns;
export const placeColumnNames = Object.keys(placeColumns) as PlaceColumn[];
