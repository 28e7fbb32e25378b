/**
 * The ways the fiches' editors tell the pilot project: its subject, the ally of an earlier season
 * who proposed it, the allies called in, the activities and the end of the accompaniment. Each
 * function reads one sentence and returns what it says, or undefined; extract-pilot.ts turns that
 * into facts. The patterns are written from the corpus's wordings (tests/fiches/), in every tense.
 */
import { allyPhrase, splitAllyList, type AllyPhrase } from "./ally-phrases.ts";
import { monthYear } from "./fiche-text.ts";

const article = "(?:la |le |les |l['’]|un |une |des |du )?";
const de = "(?:de la|du|des|de l['’]|d['’]|de)";
/** What comes between "le projet pilote" and its subject. */
const subjectVerbs = [
  "(?:faisait|fait|a fait) le choix de prioriser",
  "(?:porte|portait|portera|a porté|avait porté|va porter) sur",
  "(?:consiste|consistait|consistera|a consisté|avait consisté) à",
  "(?:vise|visait|visera|a visé|avait visé) à",
  `(?:a|avait|aura|a eu) pour (?:ambition|objectif|objet|but|sujet|thème) (?:de|d['’])`,
  "(?:est|était|sera|a été) (?:consacré|centré|dédié|axé|tourné) (?:à|sur|vers)",
  "(?:concerne|concernait|concernera|a concerné)",
  "(?:s['’]intéresse|s['’]intéressait|s['’]est intéressé|s['’]attache|s['’]attachait|s['’]est attaché|se consacre|s['’]est consacré) à",
  `(?:s['’]articule|s['’]articulait|s['’]est articulé|s['’]organise|tourne) autour ${de}`,
  "(?:se concentre|se concentrait|s['’]est concentré|se penche|se penchait|s['’]est penché|se focalise|s['’]est focalisé) sur",
  "(?:traite|traitait|a traité|aborde|abordait|a abordé|cible|ciblait|a ciblé)",
  `autour ${de}`,
  "(?:sur|consacré à|dédié à)",
];
const subjectAfterPilot = new RegExp(
  `\\bprojet pilote\\b(?: [^.,:;]{0,60}?)? (?:${subjectVerbs.join("|")})(?:\\s+|(?<=['’]))${article}(.+?)\\.?$`,
  "i",
);
const subjectBeforePilot = [
  /^Au c(?:œ|oe)ur du projet pilote ?: (?:la |le |les |l['’])?(.+?)\.?$/i,
  /^(?:Le|Son|Leur) projet pilote ?: (?:la |le |les |l['’])?(.+?)\.?$/i,
  new RegExp(
    `^Pour (?:son|leur|ce|le) projet pilote, .+? (?:a choisi|a décidé|a souhaité|choisit|décide|souhaite|a fait le choix) (?:de |d['’])(?:travailler|se pencher|se concentrer|se consacrer|s['’]engager|agir|avancer) (?:sur|à|autour ${de}|pour)(?:\\s+|(?<=['’]))${article}(.+?)\\.?$`,
    "i",
  ),
  new RegExp(`(?:retenu|choisi|désigné|pris) comme projet pilote ${article}(.+?)\\.?$`, "i"),
];

/** "Le projet pilote a porté sur l'approvisionnement…", "Pour son projet pilote, l'agglomération a choisi de travailler sur…". */
export function pilotSubject(sentence: string): string | undefined {
  const match = subjectAfterPilot.exec(sentence) ?? subjectBeforePilot.map((p) => p.exec(sentence)).find(Boolean);
  const subject = match?.[1]?.replace(/,? (?:afin d|pour |en vue d|dans le cadre d|lors d|suite à|qui ).*$/, "").trim();
  return subject && subject.length > 3 ? subject : undefined;
}

const seasonClause =
  /(?:,\s*)?(?:dans le cadre de l['’]accompagnement "?[^"]+?"? |lors de la |au cours de la |pendant la |durant la |dès la |de la |à la |en )?saison (\d+) \((\d{4})\s*[-–]\s*(\d{4})\),?/i;
const participle = "\\p{Ll}+(?:é|ée|és|ées)(?!\\p{L})";

export interface EarlierSeason {
  ally: AllyPhrase;
  season: number;
  years: [number, number];
  proposed: boolean; // the ally brought the pilot's idea (else it only accompanied the territory then)
  role?: string; // "suite à des entretiens…"
}

/**
 * The ally of an earlier season who proposed the pilot or accompanied the territory: "proposée par
 * Extracités, dans le cadre de l'accompagnement … saison 1 (2021-2022)", "impulsée par X, … lors de
 * la saison 1 (…)", "suggérée en saison 1 (…) par X", "C'est le cabinet X, une…, qui avait porté
 * cette idée", "était née en saison 1 (…) avec le cabinet X", "Lors de la saison 1 (…), l'association
 * X avait accompagné la commune".
 */
export function proposedEarlier(sentence: string, currentSeason: number | undefined): EarlierSeason | undefined {
  const clause = seasonClause.exec(sentence);
  if (!clause) return undefined;
  const season = Number(clause[1]);
  if (currentSeason !== undefined && season > currentSeason) return undefined; // a season to come proposed nothing yet
  const rest = `${sentence.slice(0, clause.index)} § ${sentence.slice(clause.index + clause[0].length)}`.replace(/\s+/g, " ").trim();
  const role = /§ (?:suite à|après) (.+?)\.?$/.exec(rest)?.[1];
  const end = "(?=,? §|,? (?:suite à|après|dans le cadre|qui )|\\.?$)";
  const found: [RegExp, boolean][] = [
    [new RegExp(`[Cc]['’]est (.+?),? qui (?:avait |a |avaient |ont )?(${participle}|\\p{Ll}+)`, "u"), true],
    [new RegExp(`(?<!\\p{L})${participle}(?: §)? par (.+?)${end}`, "u"), true],
    [
      new RegExp(`\\b(?:née?s?|venue?s?|issue?s?|apparue?s?)(?: §)?,? (?:avec|grâce à|auprès d['’]|aux côtés d[e']) (.+?)${end}`, "u"),
      true,
    ],
    [new RegExp(`^§,? (.+?) (?:avait|a|avaient|ont) (${participle})`, "u"), false],
    [new RegExp(`^(.+?),? (?:avait|a|avaient|ont) (${participle}).*§`, "u"), false],
  ];
  for (const [pattern, idea] of found) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const ally = allyPhrase(match[1]!.replace(/,$/, ""));
    if (!/^\p{Lu}/u.test(ally.name) || /^(?:La |Le |L['’])?(?:commune|ville|collectivit|territoire)/i.test(match[1]!)) continue;
    const verb = match[2] ?? "";
    const proposed = idea || !/^accompagn/.test(verb) || /\b(?:idée|piste|orientation|projet|démarche)\b/.test(rest.slice(match.index));
    return { ally, season, years: [Number(clause[2]), Number(clause[3])], proposed, ...(role ? { role } : {}) };
  }
  return undefined;
}

const callVerbs =
  "(?:fait appel à|a fait appel à|avait fait appel à|a sollicité|sollicite|a mobilisé|mobilise|s['’]est appuyée? sur|s['’]appuie sur|s['’]est entourée? de|s['’]est entourée? d['’]|s['’]entoure de|s['’]entoure d['’]|a missionné|missionne|a associé|associe|a invité|invite|travaille avec|a travaillé avec|a choisi|a retenu)";
const counted =
  /^(.*?)\b(deux|trois|quatre|cinq|six|plusieurs|\d+) (?:de ses |des |d['’])?(?:alli[ée]·?e?s|partenaires|structures(?: alli[ée]e?s)?)\b[^:]{0,60}? ?: (.+?)\.?$/i;
const countWords: Record<string, number> = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6 };

/**
 * Allies called in for the pilot, and by whom: "X fait appel à l'allié Y, une coopérative…",
 * "X s'est appuyée sur l'alliée Y, une…", "L'alliée Y, un…, a été sollicitée par X", and lists
 * with a count and a colon, each ally with its own apposition ("trois alliées : A, une…, B, une…, et
 * l'association C, un…"; "Deux allié·es l'accompagnent : …"). Undefined when some ally of the
 * sentence is not told as one (no kind, no apposition): nothing is guessed.
 */
export function callsIn(sentence: string): { caller: string; allies: AllyPhrase[] } | undefined {
  const list = counted.exec(sentence);
  if (list) {
    const count = countWords[list[2]!.toLowerCase()] ?? (/^\d+$/.test(list[2]!) ? Number(list[2]) : undefined);
    const allies = splitAllyList(list[3]!, count).map(allyPhrase);
    if (allies.length >= 2 && allies.every((a) => a.kind !== undefined || a.description !== undefined))
      return { caller: list[1]!.trim(), allies };
    return undefined;
  }
  const single = new RegExp(`^(.+?) ${callVerbs}(?:\\s+|(?<=['’]))(.+?, (?:une? )?.+?)\\.?$`).exec(sentence);
  const passive =
    /^(?:L['’]alli[ée]e? )?(.+?, une? .+?), a été (?:sollicit[ée]e?|appel[ée]e?|mobilis[ée]e?|choisie?|retenue?) par (.+?)\.?$/.exec(
      sentence,
    );
  const called = single ? { caller: single[1]!, phrase: single[2]! } : passive ? { caller: passive[2]!, phrase: passive[1]! } : undefined;
  if (!called) return undefined;
  const ally = allyPhrase(called.phrase);
  if (ally.kind === undefined && ally.description === undefined) return undefined;
  return { caller: called.caller, allies: [ally] };
}

const count = "(?:Une?|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Dix|Plusieurs|Des|\\d+)";
const activityParticiple =
  "(?:prévu|organisé|mené|réalisé|animé|conduit|tenu|déroulé|installé|lancé|programmé|engagé|mis en place|ouvert|créé|planifié|effectué|monté|accueilli|proposé|assuré)(?:e|s|es)?";
const activityAux =
  "(?:est|sont|a été|ont été|était|étaient|sera|seront|s['’]est|se sont|s['’]était|s['’]étaient|va être|vont être)(?: (?:aussi|également|ensuite|alors|d['’]abord|enfin|bien))?";
const activityPatterns = [
  new RegExp(`^(${count} .+?) ${activityAux} (${activityParticiple})(?: (.+?))?\\.?$`, "u"),
  new RegExp(
    `^(${count} .+?) (a eu lieu|ont eu lieu|aura lieu|auront lieu|a lieu|ont lieu|se tient|se tiennent|se tiendra|se tiendront|se déroule|se déroulent|se déroulera|se dérouleront|a permis|ont permis|permettra|permettront)(?: (.+?))?\\.?$`,
    "u",
  ),
];

/** "Une formation de deux jours des cuisiniers s'est tenue en novembre 2023." → the step and when it was. */
export function activity(sentence: string): string | undefined {
  for (const pattern of activityPatterns) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const when = match[3]?.trim();
    if (when && /^par \p{Lu}/u.test(when)) return undefined; // "…est animé par Mathilde Roux": a person's sentence
    return when ? `${match[1]} (${when.replace(/^(?:de|d['’]) (?=\p{Ll})/u, "")})` : match[1]!;
  }
  return undefined;
}

const endSubject = "(?:L['’]accompagnement|Le projet(?: pilote)?|La démarche|Le travail|Il|Elle)";
const ended = new RegExp(
  `${endSubject} (?:s['’]est (?:termin|achev|clôtur|clotur|conclu|clos|arrêt|fini)\\p{L}*|a pris fin|a été (?:clôtur|clotur|termin|achev|clos)\\p{L}*|s['’]est déroulé\\p{L}* jusqu['’])(.*)$`,
  "u",
);
const ending = new RegExp(
  `(?:(?:devrait|doit|va|devait) (?:se terminer|s['’]achever|prendre fin|se clôturer|se conclure|s['’]arrêter|se finir)|se terminera|s['’]achèvera|prendra fin|se clôturera|se conclura|s['’]arrêtera|est prévue? jusqu['’])(.*)$`,
  "u",
);

/** "L'accompagnement a pris fin en juillet 2024." (done) or "…doit s'achever en décembre 2024." (planned), with the month. */
export function endOf(sentence: string): { done: boolean; month?: string } | undefined {
  const past = ended.exec(sentence);
  if (past) return { done: true, month: monthYear(past[1]!) };
  const future = ending.exec(sentence);
  if (future) return { done: false, month: monthYear(future[1]!) };
  return undefined;
}
