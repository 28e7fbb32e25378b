import type { Driver } from "neo4j-driver";
import { readQuery } from "../../../core/neo4j/cypher-files.ts";
import { parseMapping, type ColumnMapping } from "./column-mapping.ts";
import { headerKey } from "./guess-mapping.ts";

export interface SavedMapping {
  name: string;
  mapping: ColumnMapping;
  savedBy: string;
  savedAt: string;
}

/**
 * Column mappings saved by name in the graph (ImportMapping nodes), so that the same monthly export
 * maps itself in the page or from the command line, whoever imports it. A file whose headers are
 * all a saved mapping's is mapped by it.
 */
export class MappingStore {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async list(): Promise<SavedMapping[]> {
    const { records } = await this.driver.executeQuery(readQuery("import/read-mappings"), {}, { database: this.database, routing: "READ" });
    return records.flatMap((r) => {
      try {
        const mapping = parseMapping(JSON.parse(String(r.get("mapping"))), `mapping "${r.get("name")}"`);
        return [{ name: String(r.get("name")), mapping, savedBy: String(r.get("savedBy")), savedAt: String(r.get("savedAt")) }];
      } catch {
        return []; // written by a later version with targets this one lacks: not offered
      }
    });
  }

  async get(name: string): Promise<SavedMapping | undefined> {
    return (await this.list()).find((m) => m.name === name);
  }

  async save(name: string, mapping: ColumnMapping, savedBy: string): Promise<void> {
    await this.driver.executeQuery(
      readQuery("import/save-mapping"),
      { name, mapping: JSON.stringify(mapping), headers: Object.keys(mapping.columns).map(headerKey), savedBy },
      { database: this.database },
    );
  }

  /** The saved mapping made for these headers: every header of the file is one of its own (the most recent if several). */
  async forHeaders(headers: string[]): Promise<SavedMapping | undefined> {
    const keys = headers.map(headerKey);
    return (await this.list()).find((saved) => {
      const known = new Set(Object.keys(saved.mapping.columns).map(headerKey));
      return keys.every((key) => known.has(key));
    });
  }
}
