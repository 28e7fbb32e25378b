import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { GazetteerData } from "../core/gazetteer/gazetteer-types.ts";

/**
 * A synthetic alliance of a chosen size, written as seed files (what the real loader reads):
 * real communes from the gazetteer, with their départements and régions; allies, initiatives,
 * people, cohorts and themes; the relationship mix of the Vimy fiche (accompaniments,
 * contributions, places, themes, credits…) and a skewed degree spread: a few allies are very
 * active, most are not, as in networks of this kind. Deterministic for a given size and seed.
 */
export interface AllianceSize {
  nodes: number; // entities, all kinds
  relationshipsPerNode: number; // 3 gives 300 000 relationships for 100 000 nodes
  seed?: number;
}

export interface GeneratedAlliance {
  dir: string;
  files: string[];
  nodes: number;
  relationships: number;
  samples: { communes: string[]; allies: string[]; initiatives: string[]; themes: string[]; words: string[]; runningTitlePrefix: string };
}

const ENTITIES_PER_FILE = 2000;

export function generateAlliance(gazetteer: GazetteerData, size: AllianceSize, dir: string): GeneratedAlliance {
  const random = mulberry32(size.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  // Zipf-like: index i chosen with weight 1/(i+1)^0.9 — a few hubs, a long tail.
  const skewed = (n: number): number => Math.min(n - 1, Math.floor(n * Math.pow(random(), 2.6)));

  const seasons = 8;
  const themes = 30;
  const communeShare = 0.16;
  const counts = {
    territories: Math.max(20, Math.round(size.nodes * communeShare)),
    allies: Math.round(size.nodes * 0.24),
    initiatives: Math.round(size.nodes * 0.28),
    people: 0,
  };
  counts.people = Math.max(1, size.nodes - counts.territories - counts.allies - counts.initiatives - seasons - themes - 1);

  // Communes with coordinates, drawn from the real gazetteer, with their département and région.
  const placed = gazetteer.communes.filter((c) => c[6] !== null && /^\d/.test(c[2]) && c[2].length === 2);
  const communes: typeof placed = [];
  const used = new Set<string>();
  while (communes.length < counts.territories - 0 && communes.length < placed.length) {
    const commune = placed[Math.floor(random() * placed.length)]!;
    if (used.has(commune[0])) continue;
    used.add(commune[0]);
    communes.push(commune);
  }
  const departements = [...new Set(communes.map((c) => c[2]))];
  const regions = [...new Set(communes.map((c) => c[3]))];
  // Keep the total at the requested size: départements and régions count as territories.
  communes.length = Math.max(10, counts.territories - departements.length - regions.length);

  const entities: { section: string; item: Record<string, unknown> }[] = [];
  const relationships: Record<string, unknown>[] = [];
  const slug = (prefix: string, i: number) => `${prefix}-${i.toString(36)}`;

  entities.push({
    section: "sources",
    item: { slug: "bench-fiches", title: "Synthetic fiches for the benchmark", publisher: "npm run bench", kind: "fiche" },
  });
  for (const code of regions)
    entities.push({
      section: "territories",
      item: { slug: `region-${code}`, name: gazetteer.regions[code]!.name, kind: "région", inseeCode: code, source: "cog" },
    });
  for (const code of departements) {
    entities.push({
      section: "territories",
      item: {
        slug: `departement-${code.toLowerCase()}`,
        name: gazetteer.departements[code]!.name,
        kind: "département",
        inseeCode: code,
        source: "cog",
      },
    });
    relationships.push({
      type: "PART_OF",
      from: `departement-${code.toLowerCase()}`,
      to: `region-${gazetteer.departements[code]!.region}`,
      source: "cog",
    });
  }
  const communeSlugs = communes.map((c) => `commune-${c[0].toLowerCase()}`);
  communes.forEach((c, i) => {
    entities.push({ section: "territories", item: { slug: communeSlugs[i], name: c[1], kind: "commune", inseeCode: c[0], source: "cog" } });
    relationships.push({ type: "PART_OF", from: communeSlugs[i], to: `departement-${c[2].toLowerCase()}`, source: "cog" });
  });
  for (let s = 1; s <= seasons; s++) {
    entities.push({
      section: "cohorts",
      item: {
        slug: `cohort-${s}`,
        name: `Territoires pilotes, saison ${s}`,
        programme: "Territoires pilotes",
        season: s,
        startYear: 2019 + 2 * s,
        endYear: 2020 + 2 * s,
      },
    });
  }
  const themeWords = [
    "alimentation",
    "coopération",
    "mise en récit",
    "communication",
    "culture",
    "agriculture",
    "mobilité",
    "énergie",
    "eau",
    "biodiversité",
    "habitat",
    "santé",
    "éducation",
    "emploi",
    "numérique",
    "tourisme",
    "forêt",
    "déchets",
    "climat",
    "jeunesse",
    "solidarité",
    "participation",
    "évaluation",
    "sobriété",
    "sport",
    "paysage",
    "patrimoine",
    "mer",
    "montagne",
    "commerce",
  ];
  for (let t = 0; t < themes; t++)
    entities.push({ section: "themes", item: { slug: `theme-${t}`, name: capitalize(themeWords[t % themeWords.length]!) } });

  const allyKinds = ["cooperative", "association", "consultancy", "public-body", "network", "funder", "company", "local-authority"];
  const syllables = [
    "ter",
    "ra",
    "co",
    "lab",
    "vi",
    "sol",
    "ma",
    "trans",
    "ci",
    "to",
    "ya",
    "ver",
    "bio",
    "néo",
    "lien",
    "cité",
    "mo",
    "ru",
    "val",
    "dé",
  ];
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join("");
  const allySlugs: string[] = [];
  for (let a = 0; a < counts.allies; a++) {
    allySlugs.push(slug("ally", a));
    entities.push({
      section: "allies",
      item: { slug: allySlugs[a], name: `${capitalize(word())} ${capitalize(word())}`, kind: pick(allyKinds) },
    });
    relationships.push({ type: "BASED_IN", from: allySlugs[a], to: communeSlugs[skewed(communeSlugs.length)] });
  }
  const initiativeSlugs: string[] = [];
  let runningTitlePrefix = "";
  for (let n = 0; n < counts.initiatives; n++) {
    initiativeSlugs.push(slug("initiative", n));
    const season = 1 + Math.floor(random() * seasons);
    const title = `${capitalize(word())} ${word()} ${word()}`;
    const kind = pick(["pilot-project", "initiative", "show", "charter", "method"]);
    const status = pick(["running", "completed", "planned"]);
    if (status === "running" && !runningTitlePrefix) runningTitlePrefix = title.slice(0, 3);
    entities.push({ section: "initiatives", item: { slug: initiativeSlugs[n], title, kind, status } });
    relationships.push({ type: "LOCATED_IN", from: initiativeSlugs[n], to: communeSlugs[skewed(communeSlugs.length)] });
    relationships.push({ type: "ABOUT", from: initiativeSlugs[n], to: `theme-${Math.floor(random() * themes)}` });
    relationships.push({ type: "IN_COHORT", from: initiativeSlugs[n], to: `cohort-${season}` });
  }
  const personSlugs: string[] = [];
  for (let p = 0; p < counts.people; p++) {
    personSlugs.push(slug("person", p));
    entities.push({ section: "people", item: { slug: personSlugs[p], name: `${capitalize(word())} ${capitalize(word())}` } });
    relationships.push({
      type: "WORKS_FOR",
      from: personSlugs[p],
      to: allySlugs[skewed(allySlugs.length)],
      role: pick(["chargée de mission", "directeur", "coordinatrice", "élu"]),
    });
  }
  // The rest of the relationships, in the fiche's proportions, until the requested total.
  const target = Math.round(size.nodes * size.relationshipsPerNode);
  const accompanied = new Set<string>();
  const memberOf = new Set<string>();
  const contributed = new Set<string>();
  const partnered = new Set<string>();
  let guard = 0;
  while (relationships.length < target && guard++ < target * 4) {
    const roll = random();
    if (roll < 0.28) {
      const ally = allySlugs[skewed(allySlugs.length)]!;
      const commune = communeSlugs[skewed(communeSlugs.length)]!;
      const season = 1 + Math.floor(random() * seasons);
      const key = `${ally}|${commune}|${season}`;
      if (accompanied.has(key)) continue;
      accompanied.add(key);
      relationships.push({
        type: "ACCOMPANIED",
        from: ally,
        to: commune,
        season,
        startYear: 2019 + 2 * season,
        endYear: 2020 + 2 * season,
        role: pick(["accompagnement", "entretiens", "atelier de co-production", "mise en récits"]),
      });
      const membership = `${commune}|${season}`;
      if (!memberOf.has(membership)) {
        memberOf.add(membership);
        relationships.push({ type: "MEMBER_OF", from: commune, to: `cohort-${season}` });
      }
    } else if (roll < 0.78) {
      const person = random() < 0.35;
      const from = person ? `Person/${personSlugs[Math.floor(random() * personSlugs.length)]}` : allySlugs[skewed(allySlugs.length)]!;
      const to = initiativeSlugs[skewed(initiativeSlugs.length)]!;
      const key = `${from}|${to}`;
      if (contributed.has(key)) continue;
      contributed.add(key);
      relationships.push({ type: "CONTRIBUTED_TO", from, to, role: pick(["porteur", "partenaire", "mise en scène", "évaluation"]) });
    } else if (roll < 0.92) {
      const a = allySlugs[skewed(allySlugs.length)]!;
      const b = allySlugs[Math.floor(random() * allySlugs.length)]!;
      if (a === b || partnered.has(`${a}|${b}`)) continue;
      partnered.add(`${a}|${b}`);
      relationships.push({ type: "PARTNERED_WITH", from: a, to: b, nature: "liens professionnels" });
    } else {
      const a = initiativeSlugs[Math.floor(random() * initiativeSlugs.length)]!;
      const b = initiativeSlugs[skewed(initiativeSlugs.length)]!;
      if (a === b || contributed.has(`inspired|${a}|${b}`)) continue;
      contributed.add(`inspired|${a}|${b}`);
      relationships.push({ type: "INSPIRED_BY", from: a, to: b });
    }
  }

  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: Record<string, unknown>) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, stringify(content, { lineWidth: 0 }));
    files.push(file);
  };
  write("00-sources.yaml", {
    sources: [
      entities[0]!.item,
      { slug: "cog", title: "Code officiel géographique", publisher: "Insee", kind: "referential" },
      { slug: "geonames", title: "GeoNames", publisher: "GeoNames", kind: "referential" },
    ],
  });
  const rest = entities.slice(1);
  for (let start = 0, part = 1; start < rest.length; start += ENTITIES_PER_FILE, part++) {
    const content: Record<string, unknown[]> = {};
    for (const { section, item } of rest.slice(start, start + ENTITIES_PER_FILE)) (content[section] ??= []).push(item);
    write(`${String(part).padStart(3, "0")}-entities.yaml`, { source: "bench-fiches", ...content });
  }
  const RELATIONSHIPS_PER_FILE = ENTITIES_PER_FILE * 3;
  for (let start = 0, part = 1; start < relationships.length; start += RELATIONSHIPS_PER_FILE, part++) {
    write(`${String(part).padStart(3, "0")}-relationships.yaml`, {
      source: "bench-fiches",
      relationships: relationships.slice(start, start + RELATIONSHIPS_PER_FILE),
    });
  }
  return {
    dir,
    files,
    nodes: entities.length,
    relationships: relationships.length,
    samples: {
      communes: communes.slice(0, 50).map((c) => c[0]), // INSEE codes: names may be shared
      allies: allySlugs.slice(0, 50),
      initiatives: initiativeSlugs.slice(0, 50),
      themes: Array.from({ length: themes }, (_, t) => `theme-${t}`),
      words: syllables,
      runningTitlePrefix, // the start of a running initiative's title, for a filter that finds something
    },
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}

/** A small seeded PRNG, so that a size always gives the same alliance. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
