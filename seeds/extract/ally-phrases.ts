/**
 * How the fiches name allies: "Extracités", "l'association Terres Communes" (its kind before its
 * name), "Bascule Conseil, un cabinet de conseil en stratégie" (its kind in apposition), and lists of
 * them ("trois alliées : A, une…, B, une… installée à Grasse, et l'association C, un…").
 */

/** The words that say what kind of ally it is: "une coopérative de communication" → cooperative. */
export function allyKind(description: string): string | undefined {
  const text = description.toLowerCase();
  if (/coop[ée]rative|\bscop\b|\bscic\b/.test(text)) return "cooperative";
  if (/association/.test(text)) return "association";
  if (/cabinet|bureau d['’][ée]tudes|conseil|agence d[e']\s*(?:paysage|conseil|design|communication|urbanisme)/.test(text))
    return "consultancy";
  if (/r[ée]seau|alliance/.test(text)) return "network";
  if (/fondation|financeur/.test(text)) return "funder";
  if (/entreprise|soci[ée]t[ée]/.test(text)) return "company";
  if (/agence|[ée]tablissement public|minist[èe]re/.test(text)) return "public-body";
  if (/collectivit[ée]/.test(text)) return "local-authority";
  return undefined;
}

/** Nouns a fiche puts before an ally's name: "l'association Terres Communes", "la SCOP Matière Grise". */
const kindNoun =
  "association|coop[ée]rative|r[ée]seau|cabinet(?: de conseil)?|bureau d['’][ée]tudes|fondation|agence|entreprise|soci[ée]t[ée]|collectif|scop|scic|structure";
const kindNouns = new RegExp(`^(?:l['’]|la |le |les )(?:alli[ée]e? )?(${kindNoun})\\s+(.+)$`, "i");
/** A noun that says little of the kind ("l'agence Paysages Vivants, un bureau d'études…"): the apposition says more. */
const vagueNouns = /^(?:agence|collectif|structure|soci[ée]t[ée])$/i;
const appositionStart =
  /^(?:une? |(?:association|coop[ée]rative|r[ée]seau|cabinet|bureau d['’][ée]tudes|collectif|agence|soci[ée]t[ée]|fondation|scop|scic)\b)/i;

export interface AllyPhrase {
  name: string;
  kind?: string;
  description?: string;
  basedIn?: string;
}

/** One ally as a sentence names it: its name, and the kind, description and place the words give. */
export function allyPhrase(text: string): AllyPhrase {
  const cleaned = text.trim().replace(/^(?:l['’]alli[ée]e?|les? alli[ée]e?s?) /i, "");
  const comma = cleaned.search(/, /);
  const apposition = comma > 0 && appositionStart.test(cleaned.slice(comma + 2)) ? cleaned.slice(comma + 2).trim() : undefined;
  const head = apposition ? cleaned.slice(0, comma).trim() : cleaned;
  const noun = kindNouns.exec(head);
  const name = noun ? noun[2]!.trim() : head.replace(/^(?:l['’]|la |le )(?=\p{Lu})/u, "").trim();
  const nounKind = noun && !(apposition && vagueNouns.test(noun[1]!)) ? allyKind(noun[1]!) : undefined;
  const kind = nounKind ?? (apposition ? allyKind(apposition) : undefined) ?? (noun ? allyKind(noun[1]!) : undefined);
  const description = apposition?.replace(/[,.;]$/, "");
  const basedIn = description
    ? /\b(?:install[ée]e?s?|situ[ée]e?s?|bas[ée]e?s?|implant[ée]e?s?) à ([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(description)?.[1]
    : undefined;
  return { name, ...(kind ? { kind } : {}), ...(description ? { description } : {}), ...(basedIn ? { basedIn } : {}) };
}

/** The start of a new ally in a list: a capital, or an article and a kind noun or a capital. */
const itemStart = new RegExp(`^(?:\\p{Lu}|(?:l['’]|la |le |les )(?:${kindNoun}|\\p{Lu}))`, "u");

/**
 * The allies of a list, each with its own apposition: "A, une association foncière, B, une
 * coopérative…, et l'association C, un réseau de parents" → three phrases. A piece that does not
 * start an ally ("un réseau…", "d'enseignants" after "et") continues the one before, so a
 * description never runs on into the next ally, and an "et" inside a description stays there.
 */
export function splitAllyList(list: string, count?: number): string[] {
  const pieces = list
    .trim()
    .replace(/\.$/, "")
    .split(/(,\s+et\s+|\s+et\s+|,\s+)/);
  const items: { text: string; joinedBy: string }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim();
    const separator = i > 0 ? pieces[i - 1]! : "";
    if (!piece) continue;
    const last = items[items.length - 1];
    if (last && !(itemStart.test(piece) && !/^Une? /.test(piece))) last.text = `${last.text}${separator}${piece}`;
    else items.push({ text: piece, joinedBy: separator });
  }
  // More allies than the sentence counts: a name with "et" in it ("Terre et Cité, une association")
  // was cut in two; the part with no apposition of its own goes back with the next.
  for (let i = items.length - 2; count !== undefined && items.length > count && i >= 0; i--) {
    if (!items[i]!.text.includes(", ") && /^\s+et\s+$/.test(items[i + 1]!.joinedBy)) {
      items[i]!.text = `${items[i]!.text}${items[i + 1]!.joinedBy}${items[i + 1]!.text}`;
      items.splice(i + 1, 1);
    }
  }
  return items.map((item) => item.text.trim());
}
