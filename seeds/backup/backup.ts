import { createHash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import type { Driver, ManagedTransaction, Transaction } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { fillQuery } from "../../core/neo4j/cypher-template.ts";
import { decodeProperties, encodeProperties, type TypedValue } from "./typed-values.ts";

export const BACKUP_FORMAT = "alliance-graph-backup";
const VERSION = 1;
const BATCH = 1000;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  database: string;
  nodes: number;
  relationships: number;
}
interface NodeLine {
  node: number;
  labels: string[];
  props: Record<string, TypedValue>;
}
interface RelationshipLine {
  rel: string;
  from: number;
  to: number;
  props: Record<string, TypedValue>;
}
interface EndLine {
  end: true;
  nodes: number;
  relationships: number;
  graphChecksum: string; // over the content, whatever the element ids: equal graphs, equal checksums
  fileSha256: string; // of every line before this one: a damaged or truncated file is refused
}

export class BackupError extends Error {}

type AnyTransaction = ManagedTransaction | Transaction;

/**
 * The graph's canonical checksum: every node (sorted labels, typed properties) and relationship
 * (type, the checksums of its ends, typed properties) hashed, the hashes sorted, hashed together.
 * Independent of element ids and of order, so the same graph restored elsewhere gives the same value.
 */
class Canonical {
  private readonly items: string[] = [];
  readonly nodeHash = new Map<string, string>(); // element id → node hash

  node(element: string, labels: string[], props: Record<string, TypedValue>): void {
    const hash = sha256(JSON.stringify([[...labels].sort(), props]));
    this.nodeHash.set(element, hash);
    this.items.push(`n${hash}`);
  }

  relationship(type: string, from: string, to: string, props: Record<string, TypedValue>): void {
    this.items.push(`r${sha256(JSON.stringify([type, this.nodeHash.get(from), this.nodeHash.get(to), props]))}`);
  }

  digest(): string {
    return sha256(this.items.sort().join("\n"));
  }
}

/** Reads the whole graph in the given transaction, node by node then relationship by relationship (streamed). */
async function walk(
  tx: AnyTransaction,
  onNode: (element: string, labels: string[], props: Record<string, TypedValue>) => void,
  onRelationship: (type: string, from: string, to: string, props: Record<string, TypedValue>) => void,
): Promise<void> {
  for await (const record of tx.run(readQuery("backup/read-nodes")))
    onNode(record.get("element"), record.get("labels"), encodeProperties(record.get("props"), record.get("types")));
  for await (const record of tx.run(readQuery("backup/read-relationships")))
    onRelationship(record.get("type"), record.get("from"), record.get("to"), encodeProperties(record.get("props"), record.get("types")));
}

/**
 * Properties a comparison leaves out: which load made the graph, not what it says. Two loads of the
 * same files into empty databases differ only there (`npm run seed -- --bulk` against `npm run seed`).
 */
export const loadStamps: Readonly<Record<string, readonly string[]>> = { GraphVersion: ["epoch", "updatedAt"] };

export async function graphChecksum(tx: AnyTransaction, leaveOut: Readonly<Record<string, readonly string[]>> = {}): Promise<string> {
  const canonical = new Canonical();
  const without = (labels: string[], props: Record<string, TypedValue>): Record<string, TypedValue> => {
    const names = labels.flatMap((label) => leaveOut[label] ?? []);
    if (!names.length) return props;
    return Object.fromEntries(Object.entries(props).filter(([name]) => !names.includes(name)));
  };
  await walk(
    tx,
    (element, labels, props) => canonical.node(element, labels, without(labels, props)),
    (type, from, to, props) => canonical.relationship(type, from, to, props),
  );
  return canonical.digest();
}

export async function checksumOfDatabase(
  driver: Driver,
  database: string,
  leaveOut: Readonly<Record<string, readonly string[]>> = {},
): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead((tx) => graphChecksum(tx, leaveOut));
  } finally {
    await session.close();
  }
}

/**
 * An online, consistent backup: one read transaction streams every node and relationship (system
 * nodes included: accounts, change records) with their types into JSON lines, ended by the graph's
 * checksum and the file's. Written to FILE.partial, then renamed: a failed backup leaves no file.
 */
export async function writeBackup(
  driver: Driver,
  database: string,
  file: string,
): Promise<{ nodes: number; relationships: number; graphChecksum: string; bytes: number }> {
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, "w", 0o600); // it holds the accounts' password hashes
  const fileHash = createHash("sha256");
  const write = (line: unknown): void => {
    const text = `${JSON.stringify(line)}\n`;
    fileHash.update(text);
    fs.writeSync(fd, text);
  };
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const counts = await session.executeRead(async (tx) => {
      const nodes = (await tx.run(readQuery("backup/count-nodes"))).records[0]!.get("nodes") as number;
      const relationships = (await tx.run(readQuery("backup/count-relationships"))).records[0]!.get("relationships") as number;
      write({
        format: BACKUP_FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        database,
        nodes,
        relationships,
      } satisfies Header);
      const canonical = new Canonical();
      const numbers = new Map<string, number>();
      let relationshipCount = 0;
      await walk(
        tx,
        (element, labels, props) => {
          numbers.set(element, numbers.size);
          canonical.node(element, labels, props);
          write({ node: numbers.get(element)!, labels, props } satisfies NodeLine);
        },
        (type, from, to, props) => {
          canonical.relationship(type, from, to, props);
          relationshipCount++;
          write({ rel: type, from: numbers.get(from)!, to: numbers.get(to)!, props } satisfies RelationshipLine);
        },
      );
      return { nodes: numbers.size, relationships: relationshipCount, graphChecksum: canonical.digest() };
    });
    fs.writeSync(fd, `${JSON.stringify({ end: true, ...counts, fileSha256: fileHash.digest("hex") } satisfies EndLine)}\n`);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return { ...counts, bytes: fs.statSync(file).size };
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await session.close();
  }
}

/** Reads a backup's lines one by one (bounded memory), numbering them for error messages. */
async function* lines(file: string): AsyncGenerator<{ text: string; number: number }> {
  const reader = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let number = 0;
  for await (const text of reader) yield { text, number: ++number };
}

/** Checks a backup before anything is written: its format, and the checksum of its lines. */
export async function verifyBackup(file: string): Promise<{ header: Header; end: EndLine }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  const hash = createHash("sha256");
  let header: Header | undefined;
  let end: EndLine | undefined;
  for await (const { text, number } of lines(file)) {
    if (end) throw new BackupError(`${file}:${number}: lines after the end of the backup`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BackupError(`${file}:${number}: not a line of a backup (invalid JSON)`);
    }
    if (number === 1) {
      header = parsed as Header;
      if (header?.format !== BACKUP_FORMAT) throw new BackupError(`${file}: not an alliance backup (made by npm run backup)`);
      if (header.version !== VERSION)
        throw new BackupError(`${file}: backup format version ${header.version}; this version reads ${VERSION}`);
    }
    if ((parsed as EndLine).end === true) end = parsed as EndLine;
    else hash.update(`${text}\n`);
  }
  if (!header) throw new BackupError(`${file}: empty file`);
  if (!end) throw new BackupError(`${file}: truncated (no end line): the backup did not finish, or the file was cut`);
  if (hash.digest("hex") !== end.fileSha256) throw new BackupError(`${file}: its checksum does not match: the file was damaged or changed`);
  return { header, end };
}

/**
 * Restores a verified backup in one write transaction: into an empty database, or with `force`
 * after deleting everything in that same transaction. Before committing, the graph's checksum is
 * computed again and must equal the backup's; otherwise nothing is kept.
 */
export async function restoreBackup(
  driver: Driver,
  database: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ nodes: number; relationships: number; graphChecksum: string }> {
  const { end } = await verifyBackup(file);
  const session = driver.session({ database });
  const tx = session.beginTransaction();
  try {
    const present = (await tx.run(readQuery("backup/count-nodes"))).records[0]!.get("nodes") as number;
    if (present > 0 && !options.force)
      throw new BackupError(`the database holds ${present} nodes: restore goes into an empty database, or pass --force to replace them`);
    if (present > 0) await tx.run(readQuery("backup/wipe"));
    const elements = new Map<number, string>();
    let nodes: { id: number; labels: string[]; props: Record<string, unknown> }[] = [];
    let relationships: { type: string; from: string; to: string; props: Record<string, unknown> }[] = [];
    const flushNodes = async () => {
      if (!nodes.length) return;
      for (const record of (await tx.run(readQuery("backup/create-nodes"), { rows: nodes })).records)
        elements.set(record.get("id") as number, record.get("element") as string);
      nodes = [];
    };
    const flushRelationships = async () => {
      if (relationships.length) await tx.run(readQuery("backup/create-relationships"), { rows: relationships });
      relationships = [];
    };
    for await (const { text, number } of lines(file)) {
      if (number === 1) continue;
      const line = JSON.parse(text) as NodeLine | RelationshipLine | EndLine;
      if ("node" in line) {
        nodes.push({ id: line.node, labels: line.labels, props: decodeProperties(line.props) });
        if (nodes.length >= BATCH) await flushNodes();
      } else if ("rel" in line) {
        await flushNodes();
        const from = elements.get(line.from);
        const to = elements.get(line.to);
        if (from === undefined || to === undefined)
          throw new BackupError(`${file}:${number}: a relationship to a node the backup does not hold`);
        relationships.push({ type: line.rel, from, to, props: decodeProperties(line.props) });
        if (relationships.length >= BATCH) await flushRelationships();
      }
    }
    await flushNodes();
    await flushRelationships();
    const checksum = await graphChecksum(tx);
    if (checksum !== end.graphChecksum)
      throw new BackupError(
        `the restored graph's checksum (${checksum}) differs from the backup's (${end.graphChecksum}); nothing was kept`,
      );
    // API instances must not answer from their caches as if nothing had changed.
    await tx.run(readQuery("backup/new-epoch"));
    // A backup from before change records were linked to their keys: link them (history reads the links).
    await tx.run(fillQuery("changes/link-change-keys", {}));
    await tx.commit();
    return { nodes: end.nodes, relationships: end.relationships, graphChecksum: checksum };
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    await session.close();
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
