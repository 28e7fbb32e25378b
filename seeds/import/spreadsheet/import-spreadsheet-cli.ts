import fs from "node:fs";
import path from "node:path";
import type { ImportDecisions } from "../../../core/import-preview.ts";
import { readConfig } from "../../../core/config.ts";
import { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../../core/gazetteer/gazetteer-file.ts";
import { createLogger } from "../../../core/logger.ts";
import { applySchema } from "../../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../../core/neo4j/connect-for-tool.ts";
import type { Kind } from "../../../core/model/index.ts";
import { ChangeService } from "../../changes/change-service.ts";
import { sourcesDir } from "../../load-seeds.ts";
import { MappingError, parseMapping, type ColumnMapping } from "./column-mapping.ts";
import { formatPreview } from "./format-preview.ts";
import { MappingStore } from "./mapping-store.ts";
import { previewSpreadsheet, type PreviewRequest } from "./preview-spreadsheet.ts";
import { readGraphSnapshot } from "./read-graph-snapshot.ts";
import { sendImport } from "./send-import.ts";

/** `npm run import -- FILE …` for any spreadsheet, as import-cli.ts read it. */
export interface SpreadsheetCommand {
  file: string; // as shown
  path: string;
  bytes: Buffer;
  mode: "check" | "propose" | "apply";
  strict: boolean; // --check: rows with problems make the exit code 3
  kind: Kind | undefined;
  mapping: string | undefined; // a file, or a saved mapping's name
  saveMapping: string | undefined;
  writeMapping: string | undefined;
  sheet: string | undefined;
  headerLine: number | undefined;
  decide: string[]; // "LINE=slug" or "LINE=new"
  drop: string[];
  skipBadRows: boolean;
  source: { title: string | undefined; publisher: string | undefined; year: number | undefined };
  verbose: boolean;
  author: string;
}

/** A refusal before anything is written, with the exit code scripts read (1 refused, 2 command line, 3 rows to fix). */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
  ) {
    super(message);
    this.name = "ImportRefused";
  }
}

export async function importSpreadsheet(command: SpreadsheetCommand): Promise<number> {
  const decisions = readDecisions(command);
  const fileMapping = mappingFile(command);
  const gazetteer = new Gazetteer(readGazetteerFile());
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  const database = await connectForTool(readConfig(), log);
  try {
    await applySchema(database.driver, database.database, log);
    const store = new MappingStore(database.driver, database.database);
    let mapping: PreviewRequest["mapping"] = fileMapping;
    if (!mapping && command.mapping) {
      const saved = await store.get(command.mapping);
      if (!saved)
        throw new ImportRefused(
          `--mapping ${command.mapping}: no such file, and no mapping of that name is saved (${(await store.list()).map((m) => m.name).join(", ") || "none is"})`,
          1,
        );
      mapping = { mapping: saved.mapping, name: saved.name, how: "saved" };
    }
    const { preview, mapping: used } = await previewSpreadsheet(
      {
        file: command.file,
        bytes: command.bytes,
        kind: command.kind,
        mapping,
        sheet: command.sheet,
        headerLine: command.headerLine,
        decisions,
      },
      gazetteer,
      {
        findSavedMapping: async (headers) => {
          const saved = await store.forHeaders(headers);
          return saved && { mapping: saved.mapping, name: saved.name };
        },
        readSnapshot: (kind, columns) => readGraphSnapshot(database.driver, database.database, kind, columns),
      },
    );
    console.log(formatPreview(preview, command.verbose));
    const source = { ...mapping?.mapping.source, ...definedOnly(command.source) };
    const withSource: ColumnMapping = { ...used, ...(source.publisher || source.title ? { source } : {}) };
    if (command.saveMapping) {
      await store.save(command.saveMapping, withSource, command.author);
      console.error(`Mapping saved as "${command.saveMapping}": the page and --mapping ${command.saveMapping} will use it.`);
    }
    if (command.writeMapping) {
      fs.writeFileSync(command.writeMapping, JSON.stringify(withSource, null, 2) + "\n");
      console.error(`Mapping written to ${command.writeMapping}.`);
    }
    const left = preview.counts.problem + preview.counts.decide;
    if (command.mode === "check") {
      if (left > 0) console.error(`${left} row(s) to fix or decide; nothing written.`);
      else console.error("Nothing written: --propose sends it for review, --apply applies it.");
      return command.strict && left > 0 ? 3 : 0;
    }
    if (left > 0 && !command.skipBadRows)
      throw new ImportRefused(
        `${left} row(s) have problems or duplicates to decide: fix them, --drop them, --decide them, or pass --skip-bad-rows`,
        3,
      );
    if (!source.publisher)
      throw new ImportRefused("name the spreadsheet as a source: --publisher (who made it), and --title, --year if you can", 1);
    const service = new ChangeService(database.driver, database.database, gazetteer, sourcesDir);
    const sent = await sendImport(
      database.driver,
      database.database,
      service,
      preview,
      { title: source.title ?? path.basename(command.file), publisher: source.publisher, year: source.year },
      { username: command.author, role: "tool" },
      command.mode,
    );
    if (!sent) console.log("The graph already holds everything this file states: nothing to send.");
    else if (command.mode === "apply") console.log(`Applied change ${sent.change.id} (${sent.operations} operations).`);
    else
      console.log(
        `Proposed change ${sent.change.id} (${sent.operations} operations) for review in the page (« À relire »); nothing written until an editor accepts it.`,
      );
    return 0;
  } finally {
    await database.close();
  }
}

/** --mapping FILE, or FILE.mapping.json beside the spreadsheet. */
function mappingFile(command: SpreadsheetCommand): PreviewRequest["mapping"] {
  const beside = command.path.replace(/\.[^./]+$/, "") + ".mapping.json";
  const file =
    command.mapping && fs.existsSync(command.mapping) ? command.mapping : !command.mapping && fs.existsSync(beside) ? beside : undefined;
  if (!file) return undefined;
  try {
    return { mapping: parseMapping(JSON.parse(fs.readFileSync(file, "utf8")), file), name: path.basename(file), how: "file" };
  } catch (error) {
    if (error instanceof MappingError) throw new ImportRefused(error.message, 1);
    throw new ImportRefused(`${file}: is not a mapping file (JSON): ${(error as Error).message}`, 1);
  }
}

function readDecisions(command: SpreadsheetCommand): ImportDecisions {
  const matches: Record<string, string | null> = {};
  for (const decision of command.decide) {
    const found = /^(\d+)=([a-z0-9-]+)$/.exec(decision);
    if (!found) throw new ImportRefused(`--decide ${decision}: write LINE=slug or LINE=new`, 2);
    matches[found[1]!] = found[2] === "new" ? null : found[2]!;
  }
  const drop = command.drop.map((line) => {
    if (!/^\d+$/.test(line)) throw new ImportRefused(`--drop ${line}: give a row number`, 2);
    return Number(line);
  });
  if (command.headerLine !== undefined && !(command.headerLine >= 1)) throw new ImportRefused("--header-row: give a row number", 2);
  return { matches, drop };
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(typeof v === "number" && Number.isNaN(v))),
  ) as Partial<T>;
}
