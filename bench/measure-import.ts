import fs from "node:fs";
import XLSX from "@e965/xlsx";
import { stringify } from "csv-stringify/sync";
import type { GazetteerData } from "../core/gazetteer/gazetteer-types.ts";
import { hashPassword } from "../server/auth/passwords.ts";
import { AccountStore } from "../server/auth/account-store.ts";
import { startApiServer } from "./api-server.ts";
import type { BenchNeo4j } from "./bench-neo4j.ts";

export interface ImportRow {
  format: "csv" | "xlsx";
  rows: number;
  kilobytes: number;
  previewMs: number; // POST /import/preview to its last line: read, map, place, match against the graph, in the server's worker
  readMs: number; // the reference: the same file read into rows by SheetJS alone, in this process
  ratio: number; // previewMs ÷ readMs
  counts: Record<string, number>;
  serverRssBeforeMb: number;
  serverRssPeakMb: number; // the server process (its worker included) while it previews
}

export interface ImportResult {
  graphEntities: number;
  heapLimitMb: number; // IMPORT_HEAP_MB: each import's worker dies past it, the server goes on
  rows: ImportRow[];
}

/**
 * The page's import on big spreadsheets: a file of allies as the staff's exports are (French headers,
 * real communes with their postcodes, kinds as people write them, some allies the graph already holds,
 * some rows repeated), previewed by the real server against a graph of a few thousand entities.
 */
export async function measureImport(
  neo: BenchNeo4j,
  gazetteer: GazetteerData,
  sizes: { rows: number; format: "csv" | "xlsx" }[],
  heapLimitMb: number,
  progress: (line: string) => void,
): Promise<ImportResult> {
  const { records } = await neo.driver.executeQuery(
    "MATCH (a:Ally)-[:BASED_IN]->(t:Territory {kind: 'commune'}) RETURN a.name AS name, min(t.inseeCode) AS commune ORDER BY name LIMIT 500",
    {},
    { database: "neo4j" },
  );
  const known = records.map((r) => ({ name: String(r.get("name")), commune: String(r.get("commune")) }));
  const { records: all } = await neo.driver.executeQuery("MATCH (n) RETURN count(n) AS n", {}, { database: "neo4j" });
  const accounts = new AccountStore(neo.driver, "neo4j");
  if (!(await accounts.find("bench-importer")))
    await accounts.create("bench-importer", await hashPassword("bench-importer-password"), "editor");
  const api = await startApiServer(neo.uri, {
    IMPORT_HEAP_MB: String(heapLimitMb),
    IMPORT_TIMEOUT_MS: "600000",
    RATE_LIMIT_IMPORT: "1000",
  });
  try {
    const login = await fetch(`${api.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bench-importer", password: "bench-importer-password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const rows: ImportRow[] = [];
    // A small file first: the worker's code compiled and the gazetteer read once, as on a server that has imported before.
    await preview(api.url, token, spreadsheet(gazetteer, known, 200, "csv"), "warm.csv");
    for (const size of sizes) {
      const bytes = spreadsheet(gazetteer, known, size.rows, size.format);
      let started = performance.now();
      const book = XLSX.read(bytes, { type: "buffer", raw: true, dense: true });
      const table = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false });
      const readMs = Math.round(performance.now() - started);
      if (table.length !== size.rows + 1) throw new Error(`bench import: SheetJS read ${table.length} lines, not ${size.rows + 1}`);
      const before = rssMb(api.child.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid!))), 50);
      started = performance.now();
      const answer = await preview(api.url, token, bytes, `allies-${size.rows}.${size.format}`).finally(() => clearInterval(sampler));
      const previewMs = Math.round(performance.now() - started);
      peak = Math.max(peak, rssMb(api.child.pid!));
      const row: ImportRow = {
        format: size.format,
        rows: size.rows,
        kilobytes: Math.round(bytes.length / 1024),
        previewMs,
        readMs,
        ratio: Math.round((previewMs / Math.max(1, readMs)) * 10) / 10,
        counts: answer.counts,
        serverRssBeforeMb: before,
        serverRssPeakMb: peak,
      };
      rows.push(row);
      progress(
        `  import preview, ${size.rows} rows of ${size.format.toUpperCase()}: ${previewMs} ms (SheetJS alone ${readMs} ms), server RSS ${before} → ${peak} MB; ${JSON.stringify(answer.counts)}`,
      );
    }
    return { graphEntities: Number(all[0]!.get("n")), heapLimitMb, rows };
  } finally {
    await api.stop();
  }
}

async function preview(url: string, token: string, bytes: Buffer, name: string): Promise<{ counts: Record<string, number> }> {
  const response = await fetch(`${url}/import/preview`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ file: { name, data: bytes.toString("base64") } }),
  });
  const text = await response.text();
  const last = JSON.parse(text.trim().split("\n").at(-1)!) as {
    type: string;
    message?: string;
    preview?: { counts: Record<string, number> };
  };
  if (last.type !== "preview") throw new Error(`bench import of ${name}: ${response.status} ${last.message ?? last.type}`);
  return { counts: last.preview!.counts };
}

/** The process's resident memory now, in MB (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const heads = [
  "Atelier",
  "Collectif",
  "Coopérative",
  "Maison",
  "Réseau",
  "Compagnie",
  "Agence",
  "Fabrique",
  "Tiers-lieu",
  "Bureau d'études",
];
const subjects = [
  "des Transitions",
  "du Bocage",
  "de l'Énergie",
  "des Communs",
  "du Réemploi",
  "des Mobilités",
  "de la Forêt",
  "du Quartier",
];
const places = ["Nord", "Sud", "Est", "Ouest", "Centre", "des Deux Rives", "du Val", "des Collines", "du Littoral", "des Plaines"];
const kinds = ["association", "asso", "SCOP", "coopérative", "SCIC", "cabinet", "bureau d'études", "collectivité", "entreprise", "réseau"];

/**
 * `rows` allies: 4 % repeat an ally of the graph (its name as the graph has it), 3 % an earlier row;
 * the rest made up, each in a real commune with one of its postcodes (and some made-up names fall on
 * the same words: the same organisation, or a homonym to decide). Deterministic.
 */
export function spreadsheet(
  gazetteer: GazetteerData,
  known: { name: string; commune: string }[],
  rows: number,
  format: "csv" | "xlsx",
): Buffer {
  let seed = 17;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const postcodesOf = new Map<string, string[]>();
  for (const [postcode, codes] of Object.entries(gazetteer.postcodes))
    for (const code of codes) postcodesOf.set(code, [...(postcodesOf.get(code) ?? []), postcode]);
  const communes = gazetteer.communes.filter(([code]) => postcodesOf.has(code));
  const communeOf = new Map(communes.map((c) => [c[0], c]));
  const lines: string[][] = [["Nom", "Type de structure", "Commune", "Code postal", "Site web"]];
  for (let i = 0; i < rows; i++) {
    const [code, name] = pick(communes);
    const postcode = pick(postcodesOf.get(code)!);
    if (known.length && random() < 0.04) {
      const ally = pick(known); // as the graph has it, in its commune
      const commune = communeOf.get(ally.commune);
      lines.push([ally.name, "", commune?.[1] ?? "", commune ? pick(postcodesOf.get(ally.commune) ?? [""]) : "", ""]);
    } else if (i > 10 && random() < 0.03) lines.push([...lines[1 + Math.floor(random() * (lines.length - 1))]!]);
    else {
      // Named as organisations are, after what they do and where (not numbered: names a letter apart are looked at as typos).
      const ally = `${pick(heads)} ${pick(subjects)} ${random() < 0.3 ? `${pick(places)} ` : ""}de ${name}`;
      const site =
        random() < 0.5
          ? `www.${ally
              .toLowerCase()
              .normalize("NFD")
              .replace(/[^a-z0-9]+/g, "-")}.fr`
          : "";
      lines.push([ally, pick(kinds), name, postcode, site]);
    }
  }
  if (format === "csv") return Buffer.from(stringify(lines, { delimiter: ";" }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(lines), "Alliés");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
