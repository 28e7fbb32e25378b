import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { normalizePlaceName } from "../../core/text/normalize.ts";
import { extractFiche, type Extraction } from "../../seeds/extract/extract-fiche.ts";
import { Knowledge } from "../../seeds/extract/knowledge.ts";

/**
 * Precision and recall of the extractor over the labelled fiches of tests/fiches/ (test data):
 * entities (matched by label and slug; initiatives by the words of their title), their properties,
 * and relationships (type, ends and season). Themes are scored on the pilot project (its subject as a
 * theme, `[ABOUT, pilot, theme:slug]`); the other initiatives' themes and the fiche's own source are not
 * labelled. A fiche labelled `knowledge: seeds` is read knowing what seeds/data knows (an ally spelt
 * otherwise than the known one); the others knowing nothing, all from the text.
 */
export const corpusDir = path.dirname(fileURLToPath(import.meta.url));

interface ExpectedEntity {
  id: string;
  label: string;
  slug?: string;
  title?: string; // initiatives: words their title contains
  [property: string]: unknown;
}
interface Expected {
  layout?: string;
  knowledge?: "seeds";
  entities: ExpectedEntity[];
  relationships: [string, string, string, number?][];
}

export interface Tally {
  expected: number;
  found: number; // what the extractor drafted, of that type
  matched: number;
}
export interface FicheScore {
  fiche: string;
  layout: string;
  extraction: Extraction;
  missed: string[]; // expected facts not drafted
  extra: string[]; // drafted facts not expected
}
export interface CorpusScore {
  byType: Map<string, Tally>; // "entity Ally", "property population", "relationship ACCOMPANIED"…
  totals: { entities: Tally; properties: Tally; relationships: Tally };
  fiches: FicheScore[];
}

const scoredLabels = new Set(["Territory", "Cohort", "Ally", "Person", "Initiative"]);
const unscoredTypes = new Set(["SOURCED_FROM"]);
let seedKnowledge: Knowledge | undefined; // read once: every fiche labelled `knowledge: seeds` shares it
const structural = new Set(["id", "label", "slug", "title"]);

export function corpusFiches(dir = corpusDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort();
}

export function scoreCorpus(gazetteer: Gazetteer, dir = corpusDir): CorpusScore {
  const byType = new Map<string, Tally>();
  const tally = (type: string): Tally => byType.get(type) ?? byType.set(type, { expected: 0, found: 0, matched: 0 }).get(type)!;
  const fiches = corpusFiches(dir).map((name) => scoreFiche(name, dir, gazetteer, tally));
  const sum = (prefix: string): Tally =>
    [...byType]
      .filter(([type]) => type.startsWith(prefix))
      .reduce((t, [, v]) => ({ expected: t.expected + v.expected, found: t.found + v.found, matched: t.matched + v.matched }), {
        expected: 0,
        found: 0,
        matched: 0,
      });
  return { byType, totals: { entities: sum("entity "), properties: sum("property "), relationships: sum("relationship ") }, fiches };
}

function scoreFiche(name: string, dir: string, gazetteer: Gazetteer, tally: (type: string) => Tally): FicheScore {
  const text = fs.readFileSync(path.join(dir, name), "utf8");
  const expected = parse(fs.readFileSync(path.join(dir, name.replace(/\.txt$/, ".expected.yaml")), "utf8")) as Expected;
  const knowledge = expected.knowledge === "seeds" ? (seedKnowledge ??= Knowledge.fromSeeds()) : new Knowledge();
  const extraction = extractFiche(text, name, knowledge, gazetteer);
  const { draft } = extraction;
  const missed: string[] = [];
  const extra: string[] = [];
  const drafted = [...draft.entities.values()].filter((e) => scoredLabels.has(e.label));

  // Entities: the expected one each drafted entity is, by slug (initiatives: by their title's words).
  const idOf = new Map<string, string>(); // "Label/slug" → expected id
  for (const entity of expected.entities) {
    const t = tally(`entity ${entity.label}`);
    t.expected += 1;
    const match = drafted.find((d) =>
      d.label !== entity.label
        ? false
        : entity.title
          ? normalizePlaceName(String(d.props.title ?? "")).includes(normalizePlaceName(entity.title))
          : d.slug === entity.slug,
    );
    if (!match) {
      missed.push(`${entity.label} ${entity.slug ?? entity.title}`);
      continue;
    }
    t.matched += 1;
    idOf.set(`${match.label}/${match.slug}`, entity.id);
    for (const [property, value] of Object.entries(entity)) {
      if (structural.has(property)) continue;
      const p = tally(`property ${property}`);
      p.expected += 1;
      p.found += 1; // a property is scored on the entities found: its recall is the entity's
      if (sameValue(match.props[property], value)) p.matched += 1;
      else
        missed.push(
          `${entity.label} ${entity.id}.${property} = ${JSON.stringify(value)} (drafted ${JSON.stringify(match.props[property])})`,
        );
    }
  }
  for (const d of drafted) {
    tally(`entity ${d.label}`).found += 1;
    if (!idOf.has(`${d.label}/${d.slug}`)) extra.push(`${d.label} ${d.slug}`);
  }

  // Relationships, by their ends' expected ids; the fiche's own source is "fiche".
  const ends = (reference: string): string => {
    if (reference.startsWith("Source/")) return "fiche";
    const [label, slug] = reference.includes("/") ? reference.split("/") : [undefined, reference];
    for (const key of label ? [`${label}/${slug}`] : [...scoredLabels].map((l) => `${l}/${slug}`)) {
      const id = idOf.get(key);
      if (id) return id;
    }
    return `?${reference}`;
  };
  const key = (type: string, from: string, to: string, season?: number | null) =>
    `${type} ${from} → ${to}${season ? ` (saison ${season})` : ""}`;
  const wanted = new Set(expected.relationships.map(([type, from, to, season]) => key(type, from, to, season)));
  // Themes: those of the pilot project(s), the subject the fiche is about.
  const pilots = new Set(expected.entities.filter((e) => e.label === "Initiative" && e.kind === "pilot-project").map((e) => e.id));
  const got = new Set(
    draft.relationships
      .filter((r) => !unscoredTypes.has(r.type) && (r.type !== "ABOUT" || pilots.has(ends(r.from))))
      .map((r) =>
        key(
          r.type,
          ends(r.from),
          r.type === "ABOUT" ? `theme:${r.to.replace(/^Theme\//, "")}` : ends(r.to),
          (r.props.season as number | undefined) ?? undefined,
        ),
      ),
  );
  for (const [type] of expected.relationships) tally(`relationship ${type}`).expected += 1;
  for (const k of got) {
    const type = k.split(" ")[0]!;
    tally(`relationship ${type}`).found += 1;
    if (wanted.has(k)) tally(`relationship ${type}`).matched += 1;
    else extra.push(k);
  }
  for (const k of wanted) if (!got.has(k)) missed.push(k);
  return { fiche: name, layout: extraction.layout, extraction, missed, extra };
}

function sameValue(drafted: unknown, expected: unknown): boolean {
  if (Array.isArray(expected))
    return (
      Array.isArray(drafted) &&
      expected.every((words) => drafted.some((d) => normalizePlaceName(String(d)).includes(normalizePlaceName(String(words)))))
    );
  if (typeof expected === "string") return normalizePlaceName(String(drafted ?? "")) === normalizePlaceName(expected);
  return drafted === expected;
}

export const ratio = (t: Tally, of: "recall" | "precision"): number =>
  of === "recall" ? (t.expected === 0 ? 1 : t.matched / t.expected) : t.found === 0 ? 1 : t.matched / t.found;

/** The table the script prints: each fact type, then the totals. */
export function formatScore(score: CorpusScore): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const row = (type: string, t: Tally) =>
    `| ${type} | ${t.expected} | ${t.found} | ${t.matched} | ${percent(ratio(t, "recall"))} | ${percent(ratio(t, "precision"))} |`;
  return [
    `Extractor over ${score.fiches.length} labelled fiches (tests/fiches/)`,
    "",
    "| fact type | expected | drafted | right | recall | precision |",
    "|---|---|---|---|---|---|",
    ...[...score.byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, t]) => row(type, t)),
    row("**entities**", score.totals.entities),
    row("**properties**", score.totals.properties),
    row("**relationships**", score.totals.relationships),
    "",
    ...score.fiches.flatMap((f) => [
      `${f.fiche} (layout ${f.layout}): ${f.missed.length} missed, ${f.extra.length} not expected`,
      ...f.missed.map((m) => `  missed: ${m}`),
      ...f.extra.map((m) => `  not expected: ${m}`),
    ]),
  ].join("\n");
}
