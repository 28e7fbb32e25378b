import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

/**
 * Writes the labelled spreadsheets of tests/imports/ (test data: real communes, made-up allies),
 * with each row's truth beside it in NAME.labels.json: the commune the row means (its INSEE code),
 * "flag" when the row cannot name one commune (a homonym with nothing to tell it apart, a typo, a
 * commune that no longer exists), and the entity it repeats (an ally of the seeds or of
 * base-alliance.csv, or an earlier row), if any. The truth is the generator's intention, computed
 * from the COG's own lists, never from the importer. Run once; its output is committed:
 *
 *   npx tsx tests/imports/generate-labelled.ts        (the ODS file needs LibreOffice: soffice)
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
  chefLieu?: string;
}
const cog = require("@etalab/decoupage-administratif/data/communes.json") as CogCommune[];
const communes = cog.filter((c) => c.type === "commune-actuelle" && c.codesPostaux?.length);
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint")
    .trim();
const byName = new Map<string, CogCommune[]>();
for (const c of communes) byName.set(fold(c.nom), [...(byName.get(fold(c.nom)) ?? []), c]);
const formerNames = cog.filter((c) => (c.type === "commune-deleguee" || c.type === "commune-associee") && !byName.has(fold(c.nom)));

let seed = 20261202;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;

// Allies are in towns more than in hamlets: a commune is picked in proportion to the root of its population.
function weighted(list: CogCommune[]): () => CogCommune {
  const weights = list.map((c) => Math.sqrt(c.population ?? 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = random() * total;
    for (let i = 0; i < list.length; i++) if ((r -= weights[i]!) <= 0) return list[i]!;
    return list.at(-1)!;
  };
}
const anywhere = weighted(communes);
const north = weighted(communes.filter((c) => ["59", "62", "80", "02", "60"].includes(c.departement)));
const homonyms = communes.filter((c) => byName.get(fold(c.nom))!.length > 1);

// Made-up organisations: a head word and a subject, unique by their folded name.
const heads = [
  "Atelier",
  "Collectif",
  "Coopérative",
  "Maison",
  "Réseau",
  "Bureau d'études",
  "Compagnie",
  "Les Ateliers",
  "Agence",
  "Fabrique",
  "Terres",
  "Jardins",
  "Ressourcerie",
  "Tiers-lieu",
  "Institut",
  "Alliance",
];
const subjects = [
  "du Bocage",
  "de la Transition",
  "des Communs",
  "du Lien",
  "Climat & Territoires",
  "des Possibles",
  "de l'Estuaire",
  "du Faire Ensemble",
  "des Saisons",
  "Terre et Eau",
  "des Mobilités",
  "du Réemploi",
  "des Savoirs",
  "de la Vallée",
  "Solidaire",
  "des Énergies",
  "du Paysage",
  "de la Forêt",
  "des Récits",
  "du Quartier",
  "Nourricière",
  "des Rivières",
  "du Vivant",
  "des Plaines",
  "Coopératif",
  "de l'Écluse",
  "des Landes",
  "de la Source",
];
const places = ["Nord", "Sud", "Est", "Ouest", "Centre", "Littoral", "Val", "Haut", "Bas", "Grand"];
const usedNames = new Set<string>();
function newName(): string {
  for (;;) {
    const name = `${pick(heads)} ${pick(subjects)}${chance(0.5) ? ` ${pick(places)}` : ""}`;
    if (!usedNames.has(fold(name))) {
      usedNames.add(fold(name));
      return name;
    }
  }
}
const kinds: [string, string[]][] = [
  ["cooperative", ["SCOP", "Coopérative", "coopérative", "SCIC", "coop"]],
  ["association", ["Association", "asso", "association loi 1901", "Asso"]],
  ["consultancy", ["Cabinet de conseil", "Bureau d'études", "cabinet", "Conseil"]],
  ["network", ["Réseau", "réseau", "Fédération"]],
  ["company", ["Entreprise", "SARL", "SAS"]],
  ["local-authority", ["Collectivité", "collectivité"]],
];
const slugOf = (name: string) => fold(name).replace(/ /g, "-");
const siren = () => String(100000000 + Math.floor(random() * 899999999));

interface Ally {
  name: string;
  kind: string;
  commune: CogCommune;
  website: string | undefined;
  siren: string | undefined;
  slug: string; // its slug in the graph, for those the graph has
  written?: string; // how a file wrote its kind, kept when a row repeats it
}

/** The seeds' allies, as seeds/data/allies.yaml has them (the graph every import meets). */
const lille = communes.find((c) => c.code === "59350")!;
const seedAllies: Ally[] = [
  { name: "Extracités", kind: "cooperative", commune: lille, website: undefined, siren: undefined, slug: "extracites" },
  {
    name: "Bien fait pour ta com",
    kind: "cooperative",
    commune: lille,
    website: undefined,
    siren: undefined,
    slug: "bien-fait-pour-ta-com",
  },
  {
    name: "La Fabrique des transitions",
    kind: "network",
    commune: lille,
    website: undefined,
    siren: undefined,
    slug: "la-fabrique-des-transitions",
  },
];
// How the seeds' allies are written in others' files: another case, no accents, another name of theirs.
const seedSpellings: Record<string, string[]> = {
  extracites: ["EXTRACITÉS", "Extracites", "ExtraCité", "extracités"],
  "bien-fait-pour-ta-com": ["Bien Fait Pour Ta Com", "BIEN FAIT POUR TA COM"],
  "la-fabrique-des-transitions": ["La Fabrique des Transitions", "Fabrique des transitions"],
};

function newAlly(place: () => CogCommune): Ally {
  const name = newName();
  const domain = slugOf(name).replace(/-(du|de|la|des|l|et)-/g, "-");
  return {
    name,
    kind: pick(kinds)[0],
    commune: place(),
    website: chance(0.6)
      ? chance(0.15)
        ? `https://www.facebook.com/${domain}`
        : `${pick(["www.", "https://www.", "https://"])}${domain}.${pick(["fr", "org", "coop"])}`
      : undefined,
    siren: chance(0.45) ? siren() : undefined,
    slug: slugOf(name),
  };
}

/** How a row writes its commune, and whether one commune can be told from it (else "flag"). */
function writeCommune(
  commune: CogCommune,
  style: { postcode: boolean; departement?: boolean },
): { name: string; postcode?: string; departement?: string; truth: string; departementOfCommune: string } {
  let name = commune.nom;
  const variant = random();
  if (variant < 0.12) name = name.toUpperCase();
  else if (variant < 0.2) name = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  else if (variant < 0.26) name = name.replace(/-/g, " ");
  if (/^Saint(e)?-/.test(commune.nom) && chance(0.4))
    name = name
      .replace(/^Saint-/i, "St-")
      .replace(/^Sainte-/i, "Ste-")
      .replace(/^SAINT-/, "ST-");
  // The old INSEE way of writing articles: "Touquet-Paris-Plage (Le)".
  const article = /^(Le|La|Les) (.+)$/.exec(name);
  if (article && chance(0.3)) name = `${article[2]} (${article[1]})`;
  let postcode = style.postcode ? pick(commune.codesPostaux!) : undefined;
  if (postcode && chance(0.05)) postcode = `${postcode.slice(0, 2)} ${postcode.slice(2)}`;
  const departement = style.departement ? commune.departement : undefined;
  const code = postcode?.replace(" ", "");
  const same = byName
    .get(fold(commune.nom))!
    .filter((c) => (code === undefined || c.codesPostaux!.includes(code)) && (departement === undefined || c.departement === departement));
  return {
    name,
    ...(postcode ? { postcode } : {}),
    ...(departement ? { departement } : {}),
    truth: same.length === 1 ? commune.code : "flag",
    departementOfCommune: commune.departement,
  };
}

interface Row {
  cells: Record<string, string | number | undefined>;
  label: { commune: string | null; duplicate: string | null; bad?: string };
}

/** One file's rows: new allies, a few repeated from the graph (`known`) or from earlier rows, homonyms, typos, bad values. */
function rowsFor(
  count: number,
  known: Ally[],
  place: () => CogCommune,
  columns: (ally: Ally, commune: ReturnType<typeof writeCommune> | undefined) => Row["cells"],
  style: { postcode: () => boolean; departement?: () => boolean; keys: ("website" | "siren")[] }, // the columns that can tell an ally by its website or SIREN
): Row[] {
  const rows: Row[] = [];
  const made: { ally: Ally; line: number }[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    let ally: Ally;
    let duplicate: string | null = null;
    let commune: ReturnType<typeof writeCommune> | undefined;
    if (roll < 0.09 && known.length) {
      // An ally the graph has: written otherwise, in its own commune, or known by its website or SIREN.
      const original = pick(known);
      kindWord(original); // a file writes an ally's kind the same way each time
      const how = random();
      const name =
        seedSpellings[original.slug] && how < 0.6
          ? pick(seedSpellings[original.slug]!)
          : how < 0.3
            ? original.name.toUpperCase()
            : how < 0.55
              ? original.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
              : how < 0.7
                ? `${original.name} (${original.kind === "cooperative" ? "SCOP" : "asso"})`
                : original.name;
      const byKey =
        how >= 0.85 &&
        (style.keys.includes("website") && original.website?.includes(".") && !original.website.includes("facebook")
          ? "website"
          : style.keys.includes("siren") && original.siren
            ? "siren"
            : undefined);
      ally = {
        ...original,
        name: byKey ? `${original.name.split(" ")[0]} ${pick(places)} ${pick(["Coop", "Initiatives", "Conseil"])}` : name,
      };
      if (!byKey) ally = { ...ally, website: undefined, siren: chance(0.5) ? original.siren : undefined };
      duplicate = `graph:${original.slug}`;
      commune = writeCommune(original.commune, { postcode: true });
    } else if (roll < 0.13 && made.length > 3) {
      // An earlier row again, as a second line of the same export would say it.
      const earlier = pick(made.slice(0, -1));
      ally = { ...earlier.ally, website: chance(0.5) ? earlier.ally.website : undefined, siren: undefined, written: earlier.ally.written };
      duplicate = `row:${earlier.line}`;
      commune = writeCommune(earlier.ally.commune, { postcode: true });
    } else if (roll < 0.16 && known.length) {
      // Same name as an ally of the graph, another organisation: its own SIREN says so. Must not be merged.
      const other = pick(known.filter((k) => k.siren));
      ally = { ...newAlly(place), name: other ? other.name : newName(), siren: siren() };
      if (!other) ally.siren = undefined;
      commune = writeCommune(ally.commune, { postcode: true });
    } else {
      ally = newAlly(place);
      const situation = random();
      if (situation < 0.05) {
        const homonym = pick(homonyms);
        ally.commune = homonym;
        commune = writeCommune(homonym, { postcode: chance(0.6) });
      } else if (situation < 0.07) {
        // A letter dropped (or, if that spells another commune, one too many): no tool can tell a typo that is a real name.
        const dropped = ally.commune.nom.length > 5 ? ally.commune.nom.slice(0, 3) + ally.commune.nom.slice(4) : `${ally.commune.nom}x`;
        const typo = byName.has(fold(dropped)) ? `${ally.commune.nom}x` : dropped;
        commune = { name: typo, postcode: pick(ally.commune.codesPostaux!), truth: "flag", departementOfCommune: ally.commune.departement };
      } else if (situation < 0.08) {
        const former = pick(formerNames);
        commune = { name: former.nom, truth: "flag", departementOfCommune: former.departement };
      } else if (situation < 0.1) commune = undefined;
      else commune = writeCommune(ally.commune, { postcode: style.postcode(), departement: style.departement?.() ?? false });
    }
    const cells = columns(ally, commune);
    const label: Row["label"] = { commune: commune ? commune.truth : null, duplicate };
    if (!duplicate && chance(0.03)) {
      const kindColumn = Object.keys(cells)[1]!;
      cells[kindColumn] = pick(["truc", "?", "à voir"]);
      label.bad = kindColumn;
    }
    rows.push({ cells, label });
    // Only a clean row is repeated: a repeat of a row with a problem stands on its own until that row is fixed.
    if (!duplicate && !label.bad && commune && commune.truth !== "flag") made.push({ ally, line: i + 1 });
  }
  return rows;
}

function writeLabels(file: string, rows: Row[], firstLine: number): void {
  const labels = Object.fromEntries(rows.map((row, i) => [String(firstLine + i), row.label]));
  fs.writeFileSync(path.join(here, `${file}.labels.json`), JSON.stringify({ file, rows: labels }, null, 1) + "\n");
}

// Row numbers in labels: what the spreadsheet shows. "row:N" duplicates were counted from 1 over the data rows.
function renumber(rows: Row[], firstLine: number): Row[] {
  return rows.map((row) => ({
    ...row,
    label: {
      ...row.label,
      duplicate: row.label.duplicate?.startsWith("row:")
        ? `row:${Number(row.label.duplicate.slice(4)) - 1 + firstLine}`
        : row.label.duplicate,
    },
  }));
}

function writeCsv(
  file: string,
  header: string[],
  rows: Row[],
  options: { delimiter: string; encoding: "utf8" | "bom" | "windows-1252"; title?: string },
): void {
  const lines = stringify([header, ...rows.map((row) => header.map((h) => row.cells[h] ?? ""))], {
    delimiter: options.delimiter,
    record_delimiter: "\r\n",
  });
  const text = (options.title ? `${options.title}\r\n\r\n` : "") + lines;
  const bytes =
    options.encoding === "windows-1252"
      ? Buffer.from(execFileSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1252"], { input: text }))
      : Buffer.from((options.encoding === "bom" ? "\uFEFF" : "") + text, "utf8");
  fs.writeFileSync(path.join(here, file), bytes);
}

// The graph the other files meet: the seeds' allies, and base-alliance.csv, imported first.
const baseAllies = Array.from({ length: 150 }, () => newAlly(anywhere));
const base: Row[] = baseAllies.map((ally) => ({
  cells: {
    Nom: ally.name,
    Type: pick(kinds.find((k) => k[0] === ally.kind)![1]),
    Commune: ally.commune.nom,
    "Code postal": ally.commune.codesPostaux![0],
    "Site web": ally.website,
    SIREN: ally.siren,
  },
  label: {
    commune:
      byName.get(fold(ally.commune.nom))!.filter((c) => c.codesPostaux!.includes(ally.commune.codesPostaux![0]!)).length === 1
        ? ally.commune.code
        : "flag",
    duplicate: null,
  },
}));
writeCsv("base-alliance.csv", ["Nom", "Type", "Commune", "Code postal", "Site web", "SIREN"], base, { delimiter: ";", encoding: "utf8" });
const known = [...seedAllies, ...baseAllies.filter((_, i) => base[i]!.label.commune !== "flag")];

const kindWord = (ally: Ally) => (ally.written ??= pick(kinds.find((k) => k[0] === ally.kind)![1]));

// 1. The browser test's file: 300 allies, French headers, ";" and Windows-1252, mostly in the north; repeats of the seeds' allies only.
{
  const header = ["Nom", "Type de structure", "Commune", "Code postal", "Site web", "SIREN", "Courriel"];
  const rows = renumber(
    rowsFor(
      312,
      seedAllies,
      north,
      (a, c) => ({
        Nom: a.name,
        "Type de structure": kindWord(a),
        Commune: c?.name,
        "Code postal": c?.postcode,
        "Site web": a.website,
        SIREN: a.siren,
        Courriel: chance(0.3) ? `contact@${slugOf(a.name).slice(0, 12)}.fr` : undefined,
      }),
      { postcode: () => chance(0.92), keys: ["website", "siren"] },
    ),
    2,
  ).slice(0, 300);
  writeCsv("allies-hauts-de-france.csv", header, rows, { delimiter: ";", encoding: "windows-1252" });
  writeLabels("allies-hauts-de-france.csv", rows, 2);
}
// 2. A national directory: UTF-8 with a BOM, commas, a title above the header, SIRET for SIREN.
{
  const header = ["Raison sociale", "Catégorie", "Ville", "CP", "Site internet", "SIRET", "Téléphone"];
  const rows = renumber(
    rowsFor(
      300,
      known,
      anywhere,
      (a, c) => ({
        "Raison sociale": a.name,
        Catégorie: kindWord(a),
        Ville: c?.name,
        CP: c?.postcode,
        "Site internet": a.website,
        SIRET: a.siren ? `${a.siren}000${Math.floor(10 + random() * 89)}` : undefined,
        Téléphone: chance(0.4) ? `03 2${Math.floor(random() * 9)} 45 67 89` : undefined,
      }),
      { postcode: () => chance(0.9), keys: ["website", "siren"] },
    ),
    4,
  );
  writeCsv("reseau-national.csv", header, rows, { delimiter: ",", encoding: "bom", title: "Annuaire du réseau — export du 3 mars" });
  writeLabels("reseau-national.csv", rows, 4);
}
// 3. An address book: tabs, plain UTF-8, the postcode and commune inside the address, or the commune and its département.
{
  const header = ["Organisation", "Statut", "Adresse", "Ville", "Département", "URL"];
  const rows = renumber(
    rowsFor(
      250,
      known,
      anywhere,
      (a, c) => {
        const inAddress = c?.postcode !== undefined;
        // Now and then a CEDEX: a postcode of the post, no commune's, in the commune's département.
        const cedex =
          inAddress &&
          chance(0.06) &&
          c.truth !== "flag" &&
          !a.commune.departement.startsWith("97") &&
          !a.commune.departement.startsWith("2");
        const named = cedex && byName.get(fold(a.commune.nom))!.filter((x) => x.departement === a.commune.departement).length === 1;
        const postcode = named
          ? `${a.commune.departement}${String(Math.floor(random() * 9))}${pick(["08", "09", "98", "99"])}`
          : c?.postcode;
        return {
          Organisation: a.name,
          Statut: kindWord(a),
          Adresse:
            c && inAddress
              ? `${Math.floor(1 + random() * 90)} ${pick(["rue de la Gare", "place du Marché", "avenue Jean Jaurès", "chemin des Prés"])}, ${postcode} ${c.name}${named ? " Cedex" : ""}`
              : undefined,
          Ville: c && !inAddress ? c.name : undefined,
          Département: c && !inAddress ? c.departement : undefined,
          URL: a.website,
        };
      },
      { postcode: () => chance(0.5), departement: () => true, keys: ["website"] },
    ),
    2,
  );
  writeCsv("annuaire-adresses.csv", header, rows, { delimiter: "\t", encoding: "utf8" });
  writeLabels("annuaire-adresses.csv", rows, 2);
}
// 4. A workbook: postcodes and SIREN as numbers (a postcode loses its leading zero), the département's code beside.
{
  const header = ["Structure", "Type", "Localité", "Code Postal", "Dépt", "Lien", "SIREN"];
  const rows = renumber(
    rowsFor(
      250,
      known,
      anywhere,
      (a, c) => ({
        Structure: a.name,
        Type: kindWord(a),
        Localité: c?.name,
        "Code Postal": c?.postcode ? Number(c.postcode.replace(" ", "")) : undefined,
        Dépt: c?.postcode ? c.departementOfCommune : undefined,
        Lien: a.website,
        SIREN: a.siren ? Number(a.siren) : undefined,
      }),
      { postcode: () => true, keys: ["website", "siren"] },
    ),
    2,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Membres");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(header.map((h) => row.cells[h] ?? null));
  await workbook.xlsx.writeFile(path.join(here, "membres.xlsx"));
  writeLabels("membres.xlsx", rows, 2);
}
// 5. An OpenDocument spreadsheet with English headers, made by LibreOffice from a CSV.
{
  const header = ["Name", "Kind", "City", "Postcode", "Website"];
  const rows = renumber(
    rowsFor(
      200,
      known,
      anywhere,
      (a, c) => ({ Name: a.name, Kind: kindWord(a), City: c?.name, Postcode: c?.postcode, Website: a.website }),
      { postcode: () => chance(0.85), keys: ["website"] },
    ),
    2,
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "labelled-ods-"));
  fs.writeFileSync(path.join(work, "members-en.csv"), stringify([header, ...rows.map((row) => header.map((h) => row.cells[h] ?? ""))]));
  // Postcodes stay text (column 4, "2"): a CSV import would read 01400 as a number otherwise.
  execFileSync(
    "soffice",
    [
      "--headless",
      "--infilter=CSV:44,34,76,1,1/1/2/1/3/1/4/2/5/1",
      "--convert-to",
      "ods",
      "--outdir",
      work,
      path.join(work, "members-en.csv"),
    ],
    { stdio: "ignore" },
  );
  fs.copyFileSync(path.join(work, "members-en.ods"), path.join(here, "members-en.ods"));
  fs.rmSync(work, { recursive: true, force: true });
  writeLabels("members-en.ods", rows, 2);
}
console.log("Written to tests/imports/");
