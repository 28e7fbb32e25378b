import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ImportPreview } from "../../core/import-preview.ts";
import type { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { listSeedFiles } from "../../seeds/load-seeds.ts";
import { parseSeedFile } from "../../seeds/parse-seed-file.ts";
import type { GraphSnapshot, SnapshotEntity } from "../../seeds/import/spreadsheet/graph-snapshot.ts";
import { previewSpreadsheet } from "../../seeds/import/spreadsheet/preview-spreadsheet.ts";

/**
 * How the spreadsheet import does on the labelled files of tests/imports/ (generate-labelled.ts):
 * communes placed right among the rows that name one commune, communes invented (a row placed where
 * it does not mean, a flagged row placed anyway), duplicates found (of the graph's allies or of
 * earlier rows: merged automatically, or put to the user with the right entity among the choices),
 * and rows merged into the wrong entity. The graph is the seeds' and base-alliance.csv's, imported
 * first, as a real graph would have them.
 */
export const importsDir = path.dirname(fileURLToPath(import.meta.url));
export const labelledFiles = [
  "hand-written.csv",
  "allies-hauts-de-france.csv",
  "reseau-national.csv",
  "annuaire-adresses.csv",
  "membres.xlsx",
  "members-en.ods",
];

interface Label {
  commune: string | null; // INSEE code, "flag", or null (no commune given)
  duplicate: string | null; // "graph:slug", "row:N"
  bad?: string;
}

export interface FileScore {
  file: string;
  rows: number;
  withCommune: number; // rows naming exactly one commune
  placedRight: number;
  invented: number; // placed at a commune it does not mean (flagged rows included)
  flagged: number; // rows that cannot be placed, and are flagged
  duplicates: number;
  foundAutomatically: number;
  foundToDecide: number; // put to the user, the right entity among the choices
  wrongMerges: number;
  errors: string[];
  preview: ImportPreview;
}

export async function scoreImports(gazetteer: Gazetteer): Promise<FileScore[]> {
  const world = await graphWorld(gazetteer);
  const scores: FileScore[] = [];
  for (const file of labelledFiles) {
    const labels = (JSON.parse(fs.readFileSync(path.join(importsDir, `${file}.labels.json`), "utf8")) as { rows: Record<string, Label> })
      .rows;
    const { preview } = await previewSpreadsheet({ file, bytes: fs.readFileSync(path.join(importsDir, file)) }, gazetteer, {
      readSnapshot: async () => world,
    });
    const score: FileScore = {
      file,
      rows: preview.rows.length,
      withCommune: 0,
      placedRight: 0,
      invented: 0,
      flagged: 0,
      duplicates: 0,
      foundAutomatically: 0,
      foundToDecide: 0,
      wrongMerges: 0,
      errors: [],
      preview,
    };
    for (const row of preview.rows) {
      const label = labels[String(row.line)];
      if (!label) {
        score.errors.push(`${file}:${row.line}: no label`);
        continue;
      }
      const placed = row.place?.kind === "commune" ? row.place.code : undefined;
      if (label.commune && label.commune !== "flag") {
        score.withCommune += 1;
        if (placed === label.commune) score.placedRight += 1;
        else if (placed) score.errors.push(`${file}:${row.line}: placed at ${placed}, means ${label.commune}`);
        else
          score.errors.push(`${file}:${row.line}: not placed (${row.problems.map((p) => p.message).join("; ")}), means ${label.commune}`);
      }
      if (placed && placed !== label.commune) score.invented += 1;
      if (label.commune === "flag" && !placed && row.problems.some((p) => p.column !== null)) score.flagged += 1;
      const merged = row.match && ["update", "unchanged", "same-as-row"].includes(row.action) ? row.match : undefined;
      // A row about an entity of the graph that an earlier row is about follows that row: it is that entity.
      const followed = merged?.row !== undefined ? preview.rows.find((r) => r.line === merged.row) : undefined;
      const mergedInto = merged
        ? merged.row !== undefined && !(followed && ["update", "unchanged"].includes(followed.action))
          ? `row:${merged.row}`
          : `graph:${merged.slug}`
        : undefined;
      if (mergedInto && mergedInto !== label.duplicate) {
        score.wrongMerges += 1;
        score.errors.push(`${file}:${row.line}: merged into ${mergedInto}, is ${label.duplicate ?? "new"}`);
      }
      if (label.duplicate) {
        score.duplicates += 1;
        if (mergedInto === label.duplicate) score.foundAutomatically += 1;
        else if (row.action === "decide" && row.alternatives.some((m) => `graph:${m.slug}` === label.duplicate)) score.foundToDecide += 1;
        else
          score.errors.push(
            `${file}:${row.line}: repeats ${label.duplicate}, seen as ${row.action}${mergedInto ? ` of ${mergedInto}` : ""}`,
          );
      }
    }
    scores.push(score);
  }
  return scores;
}

export function totals(scores: FileScore[]) {
  const sum = (key: keyof FileScore) => scores.reduce((total, s) => total + (s[key] as number), 0);
  return {
    rows: sum("rows"),
    withCommune: sum("withCommune"),
    placedRight: sum("placedRight"),
    invented: sum("invented"),
    duplicates: sum("duplicates"),
    found: sum("foundAutomatically") + sum("foundToDecide"),
    foundAutomatically: sum("foundAutomatically"),
    wrongMerges: sum("wrongMerges"),
  };
}

export function formatScores(scores: FileScore[]): string {
  const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`);
  const lines = scores.map(
    (s) =>
      `${s.file.padEnd(28)} ${String(s.rows).padStart(4)} rows  communes ${pct(s.placedRight, s.withCommune).padStart(7)} of ${s.withCommune}, ${s.invented} invented, ${s.flagged} flagged  ` +
      `duplicates ${pct(s.foundAutomatically + s.foundToDecide, s.duplicates).padStart(7)} of ${s.duplicates} (${s.foundToDecide} to decide), ${s.wrongMerges} wrong merges`,
  );
  const t = totals(scores);
  lines.push(
    `${"all".padEnd(28)} ${String(t.rows).padStart(4)} rows  communes ${pct(t.placedRight, t.withCommune).padStart(7)} of ${t.withCommune}, ${t.invented} invented  ` +
      `duplicates ${pct(t.found, t.duplicates).padStart(7)} of ${t.duplicates} (${pct(t.foundAutomatically, t.duplicates)} without asking), ${t.wrongMerges} wrong merges`,
  );
  return lines.join("\n");
}

/** The graph before these files: the seeds' entities and BASED_IN, then base-alliance.csv's rows as its import makes them. */
async function graphWorld(gazetteer: Gazetteer): Promise<GraphSnapshot> {
  const entities = new Map<string, SnapshotEntity>();
  for (const file of listSeedFiles()) {
    const parsed = parseSeedFile(file, fs.readFileSync(file, "utf8"));
    for (const e of parsed.entities) {
      const key = `${e.label}/${e.slug}`;
      const known = entities.get(key) ?? { label: e.label, slug: e.slug, props: {}, relationships: [] };
      Object.assign(known.props, e.props);
      entities.set(key, known);
    }
    for (const r of parsed.relationships)
      if (r.type === "BASED_IN")
        entities.get(`Ally/${r.from}`)?.relationships.push({ type: "BASED_IN", out: true, label: "Territory", slug: r.to, props: {} });
  }
  const base = () => ({ entities: [...entities.values()] });
  const { preview } = await previewSpreadsheet(
    { file: "base-alliance.csv", bytes: fs.readFileSync(path.join(importsDir, "base-alliance.csv")) },
    gazetteer,
    {
      readSnapshot: async () => base(),
    },
  );
  for (const t of preview.territories)
    entities.set(`Territory/${t.slug}`, {
      label: "Territory",
      slug: t.slug,
      props: { name: t.name, kind: t.kind, ...(t.kind === "intercommunalité" ? { siren: t.code } : { inseeCode: t.code }) },
      relationships: [],
    });
  for (const row of preview.rows) {
    if (row.action !== "create" || !row.entity) continue;
    entities.set(`Ally/${row.entity.slug}`, {
      label: "Ally",
      slug: row.entity.slug,
      props: { ...row.values },
      relationships: row.place ? [{ type: "BASED_IN", out: true, label: "Territory", slug: row.place.slug, props: {} }] : [],
    });
  }
  return base();
}
