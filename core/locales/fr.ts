import type { AccessErrorParams, ApiErrorParams, ClientErrorParams, PlaceCandidate } from "../api-errors.ts";
import { roleNames, type Role } from "../roles.ts";
import { kindName, relationshipName } from "../model/index.ts";

/**
 * The words of the product in French, its first language: the explorer's texts, the API's errors and
 * the reasons it gives. en.ts has the same keys (a missing one is a compile error). Names of kinds,
 * properties, relationships and values are the model's (core/model), not repeated here.
 */

const seasons = (list: readonly number[]): string =>
  list.length === 0 ? "" : list.length === 1 ? ` (saison ${list[0]})` : ` (saisons ${list.slice(0, -1).join(", ")} et ${list.at(-1)})`;
const candidates = (list: readonly PlaceCandidate[]): string => list.map((c) => c.label).join(", ");

export const fr = {
  ui: {
    title: "Alliance de la Fabrique des transitions",
    searchPlaceholder: "Chercher un territoire, un allié, une initiative…",
    searchLabel: "Chercher dans l'alliance",
    network: "Réseau",
    map: "Carte",
    list: "Liste",
    copyLink: "Copier le lien",
    copyCode: "Copier le code",
    linkCopied: "Lien copié",
    export: "Exporter",
    exportPng: "Image PNG de la vue",
    exportJson: "Graphe visible (JSON)",
    exportNodesCsv: "Nœuds visibles (CSV)",
    exportEdgesCsv: "Liens visibles (CSV)",
    filters: "Filtres",
    kinds: "Types",
    season: "Saison",
    allSeasons: "Toutes les saisons",
    theme: "Thème",
    allThemes: "Tous les thèmes",
    region: "Région",
    allRegions: "Toutes les régions",
    legend: "Légende",
    legendEmpty: "Rien n'est visible avec ces filtres.",
    near: "Alliés près de…",
    nearPlace: "Commune",
    nearRadius: "Rayon (km)",
    nearSubmit: "Chercher",
    nearNone: "Aucun allié dans ce rayon.",
    nearVia: "via",
    approximate: "position approximative",
    paths: "Comment sont-ils reliés ?",
    pathFrom: "De : ",
    pathTo: "À : ",
    pathSubmit: "Montrer les chemins",
    pathNone: "Aucun chemin de 6 liens ou moins.",
    pathPick: "Choisissez deux entités (bouton « Départ » / « Arrivée » du panneau de détails).",
    clear: "Effacer",
    details: "Détails",
    close: "Fermer",
    expand: "Déplier les voisins",
    collapse: "Replier",
    focus: "Focus",
    focusDepth: "Profondeur",
    focusOff: "Tout afficher",
    pathStart: "Départ du chemin",
    pathEnd: "Arrivée du chemin",
    neighbours: "Voisins",
    workedWith: "A travaillé avec",
    sources: "Sources",
    quote: "Citation",
    initiativePage: "Page de l'initiative",
    initiativePageNoLink: "sur le site de la Fabrique des transitions (adresse non fournie par la source)",
    embed: "Intégrer cette vue",
    embedHelp: "Copiez ce code HTML dans la page de l'initiative :",
    openInExplorer: "Ouvrir dans l'explorateur",
    loading: "Chargement…",
    partial: (shown: number, total: number) => `Vue partielle : ${shown} entités sur ${total}. Cherchez ou dépliez pour en voir plus.`,
    properties: "Propriétés",
    name: "Nom",
    kind: "Type",
    seasons: "Saisons",
    sortBy: (column: string) => `Trier par ${column}`,
    listCaption: "Entités visibles, avec leurs voisins",
    showPanel: "Panneaux",
    language: "English",
    graphLabel: "Graphe de l'alliance : nœuds et liens. La vue Liste en donne le contenu au clavier.",
    truncated: "Résultat tronqué",
    kmFrom: (km: number, via: string) => `${km.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} km, via ${via}`,
    mapCredits: "",
    yes: "oui",
    no: "non",
    seasonNumber: (season: number) => `saison ${season}`,
    seasonRange: (start: number, end: number, season: number) => `${start}-${end} (saison ${season})`,
    role: (role: string) => `rôle : ${role}`,
    linkCount: (count: number) => `${count} ${count > 1 ? "liens" : "lien"}`,
    moreThan: (value: string) => `plus de ${value}`,
    whereBased: "là où il est basé",
    number: (value: number) => value.toLocaleString("fr-FR"),
    entityMissing: "Cette entité n'est pas (ou plus) dans l'alliance. Cherchez-la par son nom, ou parcourez la vue d'ensemble.",
    overview: "Voir toute l'alliance",
    otherLang: "en",
    views: "Vue",
  },

  /** The API's errors (ApiErrorParams) and the explorer's own. */
  errors: {
    "entity-not-found": (p: ApiErrorParams["entity-not-found"]) => `${kindName(p.kind, "fr")} « ${p.slug} » introuvable.`,
    "out-of-range": (p: ApiErrorParams["out-of-range"]) => `${p.argument} doit être compris entre ${p.min} et ${p.max}, pas ${p.value}.`,
    "radius-out-of-range": (p: ApiErrorParams["radius-out-of-range"]) =>
      `Le rayon doit être de plus de 0 et d'au plus ${p.max} km, pas ${p.value}.`,
    "empty-place": (_: ApiErrorParams["empty-place"]) => "Donnez le nom d'une commune française, par exemple « Lille ».",
    unknown: (p: ApiErrorParams["unknown"]) =>
      `Aucune commune française ne s'appelle « ${p.query} ».${p.candidates.length ? ` Vouliez-vous dire ${candidates(p.candidates)} ?` : ""}`,
    ambiguous: (p: ApiErrorParams["ambiguous"]) =>
      `« ${p.query} » désigne ${p.candidates.length} communes : ${candidates(p.candidates)}. Précisez le département, par exemple « ${p.candidates[0]?.name} (${p.candidates[0]?.departement}) ».`,
    "no-coordinates": (p: ApiErrorParams["no-coordinates"]) =>
      `Le répertoire des communes n'a pas de coordonnées pour ${p.name} (${p.departement}).`,
    "not-a-collaborator": (p: ApiErrorParams["not-a-collaborator"]) =>
      `Seuls un allié ou une personne ont des collaborateurs, pas : ${kindName(p.kind, "fr")}.`,
    "text-too-long": (p: ApiErrorParams["text-too-long"]) => `Texte trop long (${p.max} caractères au plus).`,
    "too-many": (p: ApiErrorParams["too-many"]) => `Au plus ${p.max} à la fois (${p.argument}).`,
    "invalid-change": (p: ApiErrorParams["invalid-change"]) =>
      `Modification refusée : ${p.problems.length} ${p.problems.length > 1 ? "problèmes" : "problème"}, rien n'a été écrit.`,
    "change-state": (p: ApiErrorParams["change-state"]) => `Cette modification est ${changeStatus[p.status] ?? p.status} : impossible.`,
    unauthenticated: (_: AccessErrorParams["unauthenticated"]) => "Connectez-vous d'abord (ou votre session a expiré).",
    forbidden: (p: AccessErrorParams["forbidden"]) => `Il faut le rôle ${roleNames[p.needed as Role]?.fr ?? p.needed} pour cela.`,
    "rate-limited": (p: AccessErrorParams["rate-limited"]) => `Trop de demandes : réessayez dans ${p.retryAfterSeconds} s.`,
    http: (p: ClientErrorParams["http"]) => `Le serveur a répondu ${p.status}.`,
    shape: (p: ClientErrorParams["shape"]) => `Réponse inattendue du serveur (${p.what}).`,
    internal: (_: ClientErrorParams["internal"]) => "Erreur du serveur (détaillée dans son journal).",
  },

  /** Why two allies or people worked together (collaborators' reasons). */
  collaboration: {
    SHARED_TERRITORY: (p: { via: string | null; seasons: readonly number[] }) =>
      `ont tous deux accompagné ${p.via ?? "le même territoire"}${seasons(p.seasons)}`,
    SHARED_INITIATIVE: (p: { via: string | null; seasons: readonly number[] }) =>
      `ont tous deux contribué à « ${p.via ?? "la même initiative"} »${seasons(p.seasons)}`,
    DIRECT_TIE: (p: { relationship: string | null }) =>
      `lien direct : ${tieNames[p.relationship ?? ""] ?? relationshipName(p.relationship ?? "", "fr")}`,
  },
};

const tieNames: Record<string, string> = { PARTNERED_WITH: "partenariat", SUPPORTS: "soutien", WORKS_FOR: "emploi" };
const changeStatus: Record<string, string> = { pending: "en attente", applied: "appliquée", rejected: "rejetée", reverted: "déjà annulée" };

export type Locale = typeof fr;
