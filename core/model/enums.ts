import { enumeration } from "./value-types.ts";

export const territoryKind = enumeration({
  commune: { fr: "commune", en: "commune" },
  intercommunalité: { fr: "intercommunalité", en: "intercommunalité" },
  département: { fr: "département", en: "département" },
  région: { fr: "région", en: "région" },
  pays: { fr: "pays", en: "country" },
});

export const allyKind = enumeration({
  cooperative: { fr: "coopérative", en: "cooperative" },
  association: { fr: "association", en: "association" },
  consultancy: { fr: "cabinet de conseil", en: "consultancy" },
  "public-body": { fr: "organisme public", en: "public body" },
  network: { fr: "réseau", en: "network" },
  funder: { fr: "financeur", en: "funder" },
  company: { fr: "entreprise", en: "company" },
  "local-authority": { fr: "collectivité", en: "local authority" },
});

export const initiativeKind = enumeration({
  "pilot-project": { fr: "projet pilote", en: "pilot project" },
  initiative: { fr: "initiative", en: "initiative" },
  proposal: { fr: "proposition", en: "proposal" },
  show: { fr: "spectacle", en: "show" },
  charter: { fr: "charte", en: "charter" },
  method: { fr: "méthode", en: "method" },
});

export const initiativeStatus = enumeration({
  proposed: { fr: "proposé", en: "proposed" },
  planned: { fr: "prévu", en: "planned" },
  running: { fr: "en cours", en: "running" },
  completed: { fr: "terminé", en: "completed" },
  reoriented: { fr: "réorienté", en: "reoriented" },
  abandoned: { fr: "abandonné", en: "abandoned" },
});

export const sourceKind = enumeration({
  fiche: { fr: "fiche", en: "fiche" },
  referential: { fr: "référentiel", en: "referential" },
  notes: { fr: "notes", en: "notes" },
  document: { fr: "document", en: "document" }, // named in a change made in the page
  statement: { fr: "déclaration", en: "statement" }, // a first-hand statement: who says it, when
});
