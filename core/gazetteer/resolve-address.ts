import type { PlaceCandidate } from "../api-errors.ts";
import { normalizePlaceName } from "../text/normalize.ts";
import type { Gazetteer, ResolvedCommune } from "./gazetteer.ts";

/** Where a spreadsheet row says it is, as written in its cells. */
export interface Address {
  commune?: string | undefined;
  postcode?: string | undefined;
  departement?: string | undefined;
  epci?: string | undefined;
  inseeCode?: string | undefined;
  address?: string | undefined; // "12 rue de la Gare, 62000 Arras"
}
export type AddressPart = keyof Address;

export type ResolvedPlace =
  | { kind: "commune"; commune: ResolvedCommune }
  | { kind: "intercommunalité"; siren: string; name: string }
  | { kind: "département"; code: string; name: string };

export type PlaceProblemReason =
  | "unknown-commune"
  | "ambiguous-commune"
  | "postcode-mismatch"
  | "unknown-postcode"
  | "former-commune"
  | "unknown-departement"
  | "unknown-epci"
  | "ambiguous-epci"
  | "insee-mismatch"
  | "unknown-insee";

/** Why a row's place is not one territory: the part of the address to fix, and what it may have meant. */
export interface PlaceProblem {
  reason: PlaceProblemReason;
  part: AddressPart;
  query: string;
  candidates: PlaceCandidate[];
  message: string; // English
}

/** Something said about a place that was found, for the reviewer (never a guess: a guess is a problem). */
export interface PlaceNote {
  reason: "arrondissement" | "postcode-of-neighbour" | "cedex" | "postcode-alone";
  part: AddressPart;
  message: string;
}

export type AddressResult = { place: ResolvedPlace; notes: PlaceNote[] } | { problem: PlaceProblem; notes: PlaceNote[] };

/**
 * The territory of the COG an address names. A commune is found by its name, then told apart from
 * its homonyms by its postcode or its département (there are 12 Sainte-Colombe); a name that is
 * unknown, ambiguous or at odds with its postcode is a problem listing the closest COG names, never
 * a guess. Without a commune, an intercommunalité or a département is the place. Nothing given:
 * undefined.
 */
export function resolveAddress(gazetteer: Gazetteer, given: Address): AddressResult | undefined {
  const notes: PlaceNote[] = [];
  const parts = { ...given };
  if (parts.address && !parts.commune && !parts.postcode) {
    const found = /(?:^|[\s,])((?:\d{2}\s?\d{3}))\s+([^\d,]+?)(?:\s+cedex(?:\s*\d+)?)?\s*$/i.exec(parts.address);
    if (found) [parts.postcode, parts.commune] = [found[1], found[2]];
  }
  const fail = (
    reason: PlaceProblemReason,
    part: AddressPart,
    query: string,
    candidates: ResolvedCommune[],
    message: string,
  ): AddressResult => ({
    problem: { reason, part, query, candidates: candidates.map((c) => gazetteer.candidateOf(c)), message },
    notes,
  });

  let postcode: string | undefined;
  if (parts.postcode) {
    postcode = normalizePostcode(parts.postcode);
    if (!postcode)
      return fail("unknown-postcode", "postcode", parts.postcode, [], `"${parts.postcode}" is not a French postcode (5 digits)`);
  }
  let departements: string[] | undefined;
  if (parts.departement) {
    departements = departementCodes(gazetteer, parts.departement);
    if (departements.length === 0)
      return fail(
        "unknown-departement",
        "departement",
        parts.departement,
        [],
        `"${parts.departement}" is not a département (a code such as 62, or its name)`,
      );
  }

  if (parts.inseeCode) {
    const code = parts.inseeCode.trim().toUpperCase().padStart(5, "0");
    const commune = gazetteer.commune(code);
    if (!commune)
      return fail("unknown-insee", "inseeCode", parts.inseeCode, [], `no commune of the COG has the INSEE code ${parts.inseeCode}`);
    if (parts.commune && !sameName(gazetteer, parts.commune, commune))
      return fail(
        "insee-mismatch",
        "inseeCode",
        parts.inseeCode,
        [commune],
        `the COG calls ${code} "${commune.name}", not "${parts.commune}"`,
      );
    return { place: { kind: "commune", commune }, notes };
  }

  if (parts.commune) {
    const { name, qualifier, arrondissement } = splitCommuneName(parts.commune);
    if (qualifier && !departements) departements = departementCodes(gazetteer, qualifier);
    if (arrondissement)
      notes.push({ reason: "arrondissement", part: "commune", message: `"${parts.commune}" is an arrondissement of ${name}` });
    const named = gazetteer.named(name);
    const inDepartement = (c: ResolvedCommune) => departements === undefined || departements.includes(c.departement);
    // A postcode narrows where the commune can be, before anything else is looked for.
    const postcodeDepartements = postcode ? departementsOfPostcode(postcode) : undefined;
    const nearPostcode = (c: ResolvedCommune) => postcodeDepartements === undefined || postcodeDepartements.includes(c.departement);
    if (named.length === 0) {
      const holders = gazetteer
        .partsNamed(name)
        .map((p) => p.commune)
        .filter((c) => inDepartement(c) && nearPostcode(c));
      if (holders.length > 0)
        return fail(
          "former-commune",
          "commune",
          parts.commune,
          holders,
          `"${name}" is no longer a commune: it is part of ${holders.map((h) => h.name).join(", ")}`,
        );
      const near = postcode ? gazetteer.closestAmong(name, gazetteer.withPostcode(postcode)) : [];
      const closest = near.length
        ? near
        : gazetteer
            .closestCommunes(name, 5)
            .flatMap((c) => gazetteer.commune(c.inseeCode) ?? [])
            .filter(inDepartement);
      return fail("unknown-commune", "commune", parts.commune, closest.slice(0, 3), `no commune of the COG is named "${name}"`);
    }
    if (postcode) {
      const served = gazetteer.withPostcode(postcode);
      const matching = named.filter((c) => served.some((s) => s.code === c.code) && inDepartement(c));
      if (matching.length === 1) return { place: { kind: "commune", commune: matching[0]! }, notes };
      if (matching.length > 1)
        return fail(
          "ambiguous-commune",
          "commune",
          parts.commune,
          matching,
          `${matching.length} communes named "${name}" have the postcode ${postcode}`,
        );
      // The postcode is not this commune's: a CEDEX, or a neighbour's post office. Its département still tells homonyms apart.
      const sameDepartement = named.filter((c) => departementsOfPostcode(postcode!).includes(c.departement) && inDepartement(c));
      if (sameDepartement.length === 1) {
        notes.push(
          served.length === 0
            ? { reason: "cedex", part: "postcode", message: `postcode ${postcode} is no commune's (a CEDEX?): placed by its département` }
            : {
                reason: "postcode-of-neighbour",
                part: "postcode",
                message: `postcode ${postcode} is that of ${served.map((s) => s.name).join(", ")}, in the same département`,
              },
        );
        return { place: { kind: "commune", commune: sameDepartement[0]! }, notes };
      }
      const candidates = [...named.filter(inDepartement), ...gazetteer.closestAmong(name, served)];
      return fail(
        "postcode-mismatch",
        "postcode",
        `${parts.commune} ${parts.postcode}`,
        candidates.slice(0, 5),
        `no commune named "${name}" has the postcode ${postcode}`,
      );
    }
    const left = named.filter(inDepartement);
    if (left.length === 1) return { place: { kind: "commune", commune: left[0]! }, notes };
    if (left.length === 0)
      return fail(
        "unknown-commune",
        "commune",
        parts.commune,
        named,
        `no commune named "${name}" in département ${parts.departement ?? qualifier}`,
      );
    return fail(
      "ambiguous-commune",
      "commune",
      parts.commune,
      left,
      `${left.length} communes are named "${name}": give the postcode or the département`,
    );
  }

  if (postcode) {
    const served = gazetteer.withPostcode(postcode).filter((c) => departements === undefined || departements.includes(c.departement));
    if (served.length === 1) {
      notes.push({ reason: "postcode-alone", part: "postcode", message: `placed by its postcode alone: ${served[0]!.name}` });
      return { place: { kind: "commune", commune: served[0]! }, notes };
    }
    if (served.length === 0) return fail("unknown-postcode", "postcode", parts.postcode!, [], `no commune has the postcode ${postcode}`);
    return fail(
      "ambiguous-commune",
      "postcode",
      parts.postcode!,
      served,
      `the postcode ${postcode} serves ${served.length} communes: give the commune`,
    );
  }

  if (parts.epci) {
    const found = gazetteer.findEpci(parts.epci);
    if (found.length === 1) return { place: { kind: "intercommunalité", siren: found[0]!.siren, name: found[0]!.name }, notes };
    const epciCandidates = (found.length > 1 ? found : gazetteer.closestEpcis(parts.epci, 3)).map((e) => ({
      name: e.name,
      inseeCode: e.siren,
      departement: "",
      departementName: "",
      label: `${e.name} (SIREN ${e.siren})`,
    }));
    return {
      problem: {
        reason: found.length > 1 ? "ambiguous-epci" : "unknown-epci",
        part: "epci",
        query: parts.epci,
        candidates: epciCandidates,
        message:
          found.length > 1
            ? `${found.length} intercommunalités are named "${parts.epci}"`
            : `no intercommunalité of the COG is named "${parts.epci}"`,
      },
      notes,
    };
  }

  if (departements?.length === 1) {
    const code = departements[0]!;
    return { place: { kind: "département", code, name: gazetteer.departementName(code)! }, notes };
  }
  return undefined;
}

/** "62000", "62 000", "F-62000", and 1400 for 01400 (a spreadsheet drops the zero of a number). */
export function normalizePostcode(text: string): string | undefined {
  const digits = text.replace(/^\s*F\s*-?\s*/i, "").replace(/[\s.\u00a0\u202f]/g, "");
  if (/^\d{5}$/.test(digits)) return digits;
  if (/^\d{4}$/.test(digits)) return `0${digits}`;
  return undefined;
}

/** The départements a postcode may be in: its first two digits, or three overseas; 20 is Corse (2A or 2B). */
function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith("20")) return ["2A", "2B"];
  if (postcode.startsWith("97") || postcode.startsWith("98")) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}

/** "62", "2a", "Pas-de-Calais", "62 - Pas-de-Calais", "Pas de Calais (62)" → ["62"]. */
export function departementCodes(gazetteer: Gazetteer, text: string): string[] {
  const code = /\b(\d{1,3}|2[AB])\b/i.exec(text)?.[1]?.toUpperCase();
  if (code) {
    const padded = code.length === 1 ? `0${code}` : code;
    if (gazetteer.departementName(padded)) return [padded];
    // "97" for an overseas département, as a postcode's first two digits write it: any of 971 to 976 (and 977, 978).
    if (/^9[78]$/.test(padded)) return gazetteer.departementCodes().filter((c) => c.startsWith(padded));
    return [];
  }
  const byName = gazetteer.areaCode("département", text.replace(/\(.*\)/, "").trim());
  return byName ? [byName] : [];
}

/** "Paris 11e", "Lyon 3ème arrondissement", "Arras (62)", "Arras Cedex" → the commune's name, and what qualified it. */
function splitCommuneName(text: string): { name: string; qualifier: string | undefined; arrondissement: boolean } {
  let name = text.replace(/\s+cedex(\s*\d+)?\s*$/i, "").trim();
  let qualifier: string | undefined;
  const parenthesised = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (parenthesised) {
    // "Touquet-Paris-Plage (Le)", the old INSEE way, is "Le Touquet-Paris-Plage"; "Arras (62)" names its département.
    const article = /^(le|la|les|l')$/i.exec(parenthesised[2]!.trim());
    if (article) name = `${article[1]}${article[1]!.endsWith("'") ? "" : " "}${parenthesised[1]}`;
    else [name, qualifier] = [parenthesised[1]!, parenthesised[2]!];
  }
  const arrondissement = /^(paris|lyon|marseille)\s+\d{1,2}\s*(e|er|eme|ème|è)?(\s+arr(ondissement|\.)?)?$/i.exec(name);
  if (arrondissement) name = arrondissement[1]!;
  return { name, qualifier, arrondissement: arrondissement !== null };
}

function sameName(gazetteer: Gazetteer, written: string, commune: ResolvedCommune): boolean {
  const { name } = splitCommuneName(written);
  return (
    normalizePlaceName(name) === normalizePlaceName(commune.name) ||
    gazetteer.partsNamed(name).some((part) => part.commune.code === commune.code)
  );
}
