import { allyKind, initiativeKind, initiativeStatus, sourceKind, territoryKind } from "./enums.ts";
import {
  aliases,
  endYear,
  location,
  locationApproximate,
  locationPrecision,
  name,
  inseePattern,
  role,
  season,
  siren,
  slug,
  startYear,
  title,
} from "./shared-properties.ts";
import type { Property } from "./value-types.ts";
import type { Words } from "./words.ts";

/** A kind of entity: a node label of the graph, a type of the API, a kind of the explorer. */
export interface EntityKindDefinition {
  label: string; // the node label, the same as its key
  kind: string; // lowercase, as the API and the explorer name it
  segment: string; // permalinks: /<segment>/<slug>
  section: string; // the key that lists them in a seed file
  query: string; // the generated GraphQL query field (@neo4j/graphql's plural of the type)
  names: Words;
  plural: Words;
  doc?: string;
  nameProperty: "name" | "title"; // the property that names it
  sourced: boolean; // links to the sources that state its facts (SOURCED_FROM)
  /** How a spreadsheet row's commune places it: by a relationship to that territory, or as the territory itself. */
  placedBy?: "BASED_IN" | "LOCATED_IN" | "itself";
  headers?: readonly string[]; // words in a spreadsheet's headers or name that say its rows are of this kind
  properties: Readonly<Record<string, Property>>;
}

/**
 * The seven kinds of entity. Everything else derives from this: the GraphQL node types
 * (server/graphql/__generated__/model.graphql), the constraints and indexes (cypher/schema), the seed
 * validation, the legend, the details panel and the exports' columns. Order is the order they are shown.
 */
export const entityKinds = {
  Territory: {
    label: "Territory",
    kind: "territory",
    segment: "territories",
    section: "territories",
    query: "territories",
    names: { fr: "Territoire", en: "Territory" },
    plural: { fr: "Territoires", en: "Territories" },
    doc: "A commune, intercommunalité, département or région (kind), placed by its official code.",
    nameProperty: "name",
    sourced: true,
    placedBy: "itself",
    headers: ["territoires", "communes", "collectivités", "territories"],
    properties: {
      slug,
      name: { ...name, headers: ["Nom du territoire", "Territoire", "Nom de la collectivité"] },
      aliases: { ...aliases, doc: 'Other names in use, e.g. "Agglomération du Beauvaisis"' },
      kind: {
        ...territoryKind,
        required: true,
        hidden: true,
        names: { fr: "Type", en: "Kind" },
        doc: "commune, intercommunalité, département, région or pays",
      },
      inseeCode: {
        type: "string",
        pattern: inseePattern,
        index: "range",
        names: { fr: "Code INSEE", en: "INSEE code" },
        doc: "INSEE code of a commune, département or région (COG)",
      },
      siren: { ...siren, doc: "SIREN of an intercommunalité (COG)" },
      population: {
        type: "int",
        min: 0,
        names: { fr: "Habitants", en: "Inhabitants" },
        headers: ["Population", "Nombre d'habitants", "Nb habitants"],
      },
      populationYear: { type: "year", names: { fr: "Année de la population", en: "Population year" } },
      areaKm2: {
        type: "float",
        min: 0,
        names: { fr: "Superficie (km²)", en: "Area (km²)" },
        headers: ["Superficie", "Surface", "Area", "km²"],
      },
      location,
      locationPrecision,
      locationApproximate,
      regionCode: {
        type: "string",
        derived: true,
        hidden: true,
        names: { fr: "Code de la région", en: "Région code" },
        doc: "INSEE code of the région it lies in (COG)",
      },
      regionName: { type: "string", derived: true, names: { fr: "Région", en: "Région" }, doc: "Name of the région it lies in (COG)" },
    },
  },
  Ally: {
    label: "Ally",
    kind: "ally",
    segment: "allies",
    section: "allies",
    query: "allies",
    names: { fr: "Allié", en: "Ally" },
    plural: { fr: "Alliés", en: "Allies" },
    doc: "A member of the alliance: cooperative, association, consultancy, public body, network, funder…",
    nameProperty: "name",
    sourced: true,
    placedBy: "BASED_IN",
    headers: ["alliés", "structures", "acteurs", "organisations", "partenaires", "membres", "allies", "organisations"],
    properties: {
      slug,
      name: {
        ...name,
        headers: [
          "Raison sociale",
          "Nom de la structure",
          "Structure",
          "Organisation",
          "Organisme",
          "Dénomination",
          "Nom de l'organisation",
          "Acteur",
          "Organization",
        ],
      },
      aliases: { ...aliases, headers: ["Sigle", "Acronyme", "Autre nom", "Nom d'usage", "Alias"] },
      kind: {
        ...allyKind,
        required: true,
        hidden: true,
        names: { fr: "Type", en: "Kind" },
        headers: [
          "Type de structure",
          "Type d'acteur",
          "Catégorie",
          "Nature",
          "Typologie",
          "Statut",
          "Famille",
          "Category",
          "Type of organisation",
        ],
      },
      legalForm: { type: "string", names: { fr: "Forme juridique", en: "Legal form" }, headers: ["Statut juridique", "Forme"] },
      siren: { ...siren, doc: "SIREN of the organisation (the first 9 digits of a SIRET)", headers: ["SIRET", "N° SIREN", "Numéro SIREN"] },
      description: {
        type: "text",
        names: { fr: "Description", en: "Description" },
        headers: ["Activité", "Activités", "Présentation", "Objet", "Domaine d'activité", "Résumé", "Mission", "About"],
      },
      website: {
        type: "url",
        names: { fr: "Site web", en: "Website" },
        headers: ["Site internet", "Site", "URL", "Web", "Lien", "Site Internet"],
      },
      organisationCount: { type: "int", min: 0, names: { fr: "Organisations", en: "Organisations" } },
      organisationCountIsMinimum: {
        type: "boolean",
        hidden: true,
        minimumOf: "organisationCount",
        names: { fr: "Au moins", en: "At least" },
        doc: "true when organisationCount is a minimum (« plus de 400 »)",
      },
      personCount: { type: "int", min: 0, names: { fr: "Personnes", en: "People" } },
      location: { ...location, doc: "Where it is based (that of its territory unless a seed file gives its own)" },
      locationPrecision,
      locationApproximate,
    },
  },
  Initiative: {
    label: "Initiative",
    kind: "initiative",
    segment: "initiatives",
    section: "initiatives",
    query: "initiatives",
    names: { fr: "Initiative", en: "Initiative" },
    plural: { fr: "Initiatives", en: "Initiatives" },
    doc: "A project, pilot project, show, charter… with the page of the Fabrique's website that tells it.",
    nameProperty: "title",
    sourced: true,
    placedBy: "LOCATED_IN",
    headers: ["initiatives", "projets", "actions", "projects"],
    properties: {
      slug,
      title: {
        ...title,
        index: "range",
        headers: ["Nom du projet", "Projet", "Intitulé", "Nom de l'initiative", "Initiative", "Nom", "Name", "Project"],
      },
      summary: { type: "text", names: { fr: "Résumé", en: "Summary" }, headers: ["Description", "Présentation", "Objectif", "Objectifs"] },
      kind: {
        ...initiativeKind,
        required: true,
        hidden: true,
        names: { fr: "Type", en: "Kind" },
        doc: "pilot-project, initiative, proposal, show, charter or method",
      },
      status: {
        ...initiativeStatus,
        headers: ["Statut", "Avancement", "État d'avancement", "Status"],
        index: "range",
        names: { fr: "État", en: "Status" },
        doc: "proposed, planned, running, completed, reoriented or abandoned, as of its source",
      },
      startDate: {
        type: "date",
        names: { fr: "Début", en: "Start" },
        doc: "YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source",
        headers: ["Date de début", "Démarrage", "Année de début", "Start date"],
      },
      endDate: { type: "date", names: { fr: "Fin", en: "End" }, headers: ["Date de fin", "Année de fin", "End date"] },
      plannedEndDate: { type: "date", names: { fr: "Fin prévue", en: "Planned end" } },
      steps: { type: "strings", names: { fr: "Étapes", en: "Steps" } },
      pageTitle: {
        type: "string",
        search: true,
        hidden: true,
        names: { fr: "Page de l'initiative", en: "Initiative page" },
        doc: "Title of its initiative page on the Fabrique's website",
      },
      pageUrl: {
        type: "url",
        hidden: true,
        names: { fr: "Adresse de la page", en: "Page address" },
        headers: ["Lien vers la fiche", "Page web", "Lien", "URL"],
      },
    },
  },
  Person: {
    label: "Person",
    kind: "person",
    segment: "people",
    section: "people",
    query: "people",
    names: { fr: "Personne", en: "Person" },
    plural: { fr: "Personnes", en: "People" },
    nameProperty: "name",
    sourced: true,
    headers: ["personnes", "contacts", "équipe", "people"],
    properties: {
      slug,
      name: { ...name, headers: ["Nom et prénom", "Prénom Nom", "Nom complet", "Personne", "Contact", "Nom", "Full name"] },
      role: { ...role, headers: ["Fonction", "Poste", "Rôle", "Job title", "Position"] },
    },
  },
  Cohort: {
    label: "Cohort",
    kind: "cohort",
    segment: "cohorts",
    section: "cohorts",
    query: "cohorts",
    names: { fr: "Cohorte", en: "Cohort" },
    plural: { fr: "Cohortes", en: "Cohorts" },
    doc: "A season of a programme of the Fabrique, e.g. Territoires pilotes, saison 2 (2023-2024).",
    nameProperty: "name",
    sourced: true,
    properties: {
      slug,
      name,
      programme: { type: "string", names: { fr: "Programme", en: "Programme" } },
      season: { ...season, required: true },
      startYear,
      endYear,
    },
  },
  Theme: {
    label: "Theme",
    kind: "theme",
    segment: "themes",
    section: "themes",
    query: "themes",
    names: { fr: "Thème", en: "Theme" },
    plural: { fr: "Thèmes", en: "Themes" },
    nameProperty: "name",
    sourced: true,
    properties: { slug, name },
  },
  Source: {
    label: "Source",
    kind: "source",
    segment: "sources",
    section: "sources",
    query: "sources",
    names: { fr: "Source", en: "Source" },
    plural: { fr: "Sources", en: "Sources" },
    doc: "A document facts come from. Every entity links to its sources (SOURCED_FROM, with the fields each\ngave and the quoted sentences); every relationship carries `source` (a Source slug) and `quote`.",
    nameProperty: "title",
    sourced: false,
    properties: {
      slug,
      title,
      publisher: { type: "string", required: true, names: { fr: "Éditeur", en: "Publisher" } },
      year: { type: "year", names: { fr: "Année", en: "Year" } },
      kind: { ...sourceKind, hidden: true, names: { fr: "Type", en: "Kind" }, doc: "fiche, referential, notes, document or statement" },
      file: {
        type: "string",
        hidden: true,
        names: { fr: "Fichier du texte", en: "Text file" },
        doc: "Its text, in seeds/sources/, against which quotes are checked",
      },
      text: {
        type: "text",
        hidden: true,
        names: { fr: "Texte", en: "Text" },
        doc: "Its text, when it came in through the page (a fiche's PDF): quotes are checked against it, as against a file",
      },
      url: { type: "url", names: { fr: "Adresse web", en: "Web address" } },
      printer: { type: "string", names: { fr: "Impression", en: "Printer" } },
      note: { type: "text", names: { fr: "Note", en: "Note" } },
    },
  },
} as const satisfies Record<string, EntityKindDefinition>;
