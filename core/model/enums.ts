import { enumeration } from "./value-types.ts";

export const territoryKind = enumeration(
  {
    commune: { fr: "commune", en: "commune" },
    intercommunalité: { fr: "intercommunalité", en: "intercommunalité" },
    département: { fr: "département", en: "département" },
    région: { fr: "région", en: "région" },
    pays: { fr: "pays", en: "country" },
  },
  {
    commune: ["ville", "municipalité", "mairie", "town", "municipality"],
    intercommunalité: ["EPCI", "communauté de communes", "communauté d'agglomération", "communauté urbaine", "métropole", "CC", "CA", "CU"],
    département: ["dept", "department", "conseil départemental"],
    région: ["region", "conseil régional"],
  },
);

// The `also` lists are how the alliance's own spreadsheets write kinds; a legal form (SCOP, SARL) is
// read as its kind here and kept as the ally's legalForm too (seeds/import/spreadsheet/parse-cell.ts).
export const allyKind = enumeration(
  {
    cooperative: { fr: "coopérative", en: "cooperative" },
    association: { fr: "association", en: "association" },
    consultancy: { fr: "cabinet de conseil", en: "consultancy" },
    "public-body": { fr: "organisme public", en: "public body" },
    network: { fr: "réseau", en: "network" },
    funder: { fr: "financeur", en: "funder" },
    company: { fr: "entreprise", en: "company" },
    "local-authority": { fr: "collectivité", en: "local authority" },
  },
  {
    cooperative: ["coop", "SCOP", "SCIC", "CAE", "coopérative d'activité et d'emploi", "société coopérative"],
    association: ["asso", "assoc", "association loi 1901", "loi 1901", "loi 1908"],
    consultancy: ["cabinet", "conseil", "consultant", "consultants", "bureau d'études", "bureau d'étude", "cabinet conseil"],
    "public-body": ["établissement public", "EPIC", "EPA", "service de l'État", "agence publique", "opérateur public"],
    network: ["réseau national", "fédération", "tête de réseau"],
    funder: ["financeur public", "bailleur", "mécène"],
    company: ["société", "SARL", "SAS", "SASU", "EURL", "SA", "entreprise privée"],
    "local-authority": ["collectivité territoriale", "collectivité locale", "mairie", "EPCI", "conseil départemental", "conseil régional"],
  },
);

export const initiativeKind = enumeration(
  {
    "pilot-project": { fr: "projet pilote", en: "pilot project" },
    initiative: { fr: "initiative", en: "initiative" },
    proposal: { fr: "proposition", en: "proposal" },
    show: { fr: "spectacle", en: "show" },
    charter: { fr: "charte", en: "charter" },
    method: { fr: "méthode", en: "method" },
  },
  {
    "pilot-project": ["pilote", "projet-pilote"],
    initiative: ["projet", "action"],
    show: ["pièce de théâtre", "théâtre"],
    method: ["outil"],
  },
);

export const initiativeStatus = enumeration(
  {
    proposed: { fr: "proposé", en: "proposed" },
    planned: { fr: "prévu", en: "planned" },
    running: { fr: "en cours", en: "running" },
    completed: { fr: "terminé", en: "completed" },
    reoriented: { fr: "réorienté", en: "reoriented" },
    abandoned: { fr: "abandonné", en: "abandoned" },
  },
  {
    proposed: ["proposée"],
    planned: ["prévue", "à venir", "planifié", "planifiée"],
    running: ["en cours de réalisation", "actif", "active", "ongoing"],
    completed: ["terminée", "fini", "finie", "achevé", "achevée", "réalisé", "réalisée", "done"],
    reoriented: ["réorientée"],
    abandoned: ["abandonnée", "arrêté", "arrêtée"],
  },
);

export const sourceKind = enumeration({
  fiche: { fr: "fiche", en: "fiche" },
  referential: { fr: "référentiel", en: "referential" },
  notes: { fr: "notes", en: "notes" },
  document: { fr: "document", en: "document" }, // named in a change made in the page
  statement: { fr: "déclaration", en: "statement" }, // a first-hand statement: who says it, when
});

/** Legal forms an ally's kind may be written as ("SCOP" is a cooperative): an import keeps them as its legalForm too. */
export const legalForms = [
  "SCOP",
  "SCIC",
  "CAE",
  "SARL",
  "SAS",
  "SASU",
  "EURL",
  "SA",
  "EPIC",
  "EPA",
  "association loi 1901",
  "association loi 1908",
];
