import fs from "node:fs";
import path from "node:path";
import { LauncherError, useYourOwnNeo4j } from "./launcher-error.ts";

/**
 * Before the JVM starts: can Neo4j write in its folder, and is there room? Neo4j itself hangs on a
 * full disk and reports a read-only one as a missing folder; asked here, each gets one clear line
 * within milliseconds. `minFreeMb` covers the store, a transaction log and a checkpoint.
 */
export function checkDataFolder(home: string, minFreeMb: number): void {
  const probe = path.join(home, ".write-test");
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe);
  } catch (error) {
    throw new LauncherError(explainFolderError(realCause(error as NodeJS.ErrnoException, home), home));
  }
  const stats = fs.statfsSync(home);
  const freeMb = Math.floor((stats.bavail * stats.bsize) / 2 ** 20);
  if (freeMb < minFreeMb)
    throw new LauncherError(
      `The disk of NEO4J_HOME (${home}) is full or nearly: ${freeMb} MB free, the embedded Neo4j needs at least ${minFreeMb} MB ` +
        `(NEO4J_MIN_FREE_MB). Free some space, or set NEO4J_HOME to a folder on another disk.`,
    );
}

/** A recursive mkdir on a read-only disk says ENOENT: one plain mkdir below the last existing folder says why. */
function realCause(error: NodeJS.ErrnoException, home: string): NodeJS.ErrnoException {
  if (error.code !== "ENOENT") return error;
  let existing = home;
  while (!fs.existsSync(path.dirname(existing)) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    fs.mkdirSync(existing);
    fs.rmdirSync(existing);
    return error;
  } catch (cause) {
    return cause as NodeJS.ErrnoException;
  }
}

export function explainFolderError(error: NodeJS.ErrnoException, home: string): string {
  const fix = `Set NEO4J_HOME to a folder you can write to. ${useYourOwnNeo4j}`;
  switch (error.code) {
    case "EROFS":
      return `NEO4J_HOME (${home}) is on a read-only file system: the embedded Neo4j cannot keep its data there. ${fix}`;
    case "EACCES":
    case "EPERM":
      return `NEO4J_HOME (${home}) is not writable by this user (${error.code}). ${fix}`;
    case "ENOSPC":
    case "EDQUOT":
      return `The disk of NEO4J_HOME (${home}) is full (${error.code}). Free some space, or set NEO4J_HOME to a folder on another disk.`;
    case "ENOTDIR":
    case "EEXIST":
      return `NEO4J_HOME (${home}) is, or lies under, a file rather than a folder. ${fix}`;
    default:
      return `Cannot write in NEO4J_HOME (${home}): ${error.code ?? error.message}. ${fix}`;
  }
}
